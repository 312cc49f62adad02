package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Dropout;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Linear;

/**
 * The sequence head of the families HF has no class for (RoFormerV2, GAU-α): logits = classifier(dropout(h₀)),
 * weights {@code classifier.weight} / {@code classifier.bias}, as Su's bert4keras scripts fine-tune them (the first
 * token's state straight into a dense layer; these models had no NSP, so no pooler to reuse).
 */
final class FirstTokenLinearHead extends TaskHeadModule {

    private final SequenceClassifierSpec spec;
    private final Linear classifier;

    FirstTokenLinearHead(SequenceClassifierSpec spec, int hidden, int outputs) {
        this.spec = spec;
        this.classifier = addChild("classifier", new Linear(hidden, outputs, true));
    }

    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        NDArray first = states.last().get(":, 0, :"); // (B, d)
        return classifier.forward(Dropout.apply(first, spec.dropout(), ctx)); // (B, C)
    }

    @Override
    public JsonObject config() { return SequenceHeads.config(spec); }

    @Override
    public String describe() {
        return "FirstTokenLinearHead(h0 → dropout " + spec.dropout() + " → classifier)";
    }
}
