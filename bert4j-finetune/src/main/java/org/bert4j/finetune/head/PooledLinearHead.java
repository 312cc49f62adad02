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
 * BERT's and ALBERT's sequence head (HF {@code BertForSequenceClassification}, {@code AlbertForSequenceClassification}):
 * logits = classifier(dropout(pooler(h₀))), the pooler being the backbone's tanh(W·h₀ + b). The pooler was trained
 * by NSP/SOP where the checkpoint has one, which is why HF keeps it in front of the classifier; a checkpoint without
 * one (bge-small-zh) gets a fresh pooler, as HF does.
 */
final class PooledLinearHead extends TaskHeadModule {

    private final SequenceClassifierSpec spec;
    private final Linear classifier;

    PooledLinearHead(SequenceClassifierSpec spec, int hidden, int outputs) {
        this.spec = spec;
        this.classifier = addChild("classifier", new Linear(hidden, outputs, true));
    }

    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        if (backbone.pooler() == null) throw new IllegalStateException(spec.architecture() + " needs the backbone's pooler, and the model has none");
        NDArray pooled = backbone.pooler().forward(states.last()); // (B, d)
        return classifier.forward(Dropout.apply(pooled, spec.dropout(), ctx)); // (B, C)
    }

    @Override
    public boolean usesPooler() { return true; }

    @Override
    public JsonObject config() { return SequenceHeads.config(spec); }

    @Override
    public String describe() {
        return "PooledLinearHead(pooler → dropout " + spec.dropout() + " → classifier)";
    }
}
