package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import org.bert4j.config.Activation;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Activations;
import org.bert4j.nn.Dropout;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Module;

/**
 * DeBERTa's sequence head (HF {@code DebertaV2ForSequenceClassification}): logits =
 * classifier(dropout(act(pooler.dense(h₀)))). HF's {@code ContextPooler} also has a dropout before its dense layer,
 * {@code pooler_dropout}, which bert4j writes as 0 (its value in every released config) and so does not apply.
 */
final class ContextPoolerHead extends TaskHeadModule {

    /** The {@code pooler} block of the HF class. */
    private static final class ContextPooler extends Module {
        final Linear dense;

        ContextPooler(int hidden) {
            this.dense = addChild("dense", new Linear(hidden, hidden, true));
        }

        @Override
        public String describe() { return "dense on h0"; }
    }

    private final SequenceClassifierSpec spec;
    private final Activation activation;
    private final ContextPooler pooler;
    private final Linear classifier;

    ContextPoolerHead(SequenceClassifierSpec spec, Activation activation, int hidden, int outputs) {
        this.spec = spec;
        this.activation = activation;
        this.pooler = addChild("pooler", new ContextPooler(hidden));
        this.classifier = addChild("classifier", new Linear(hidden, outputs, true));
    }

    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        NDArray pooled = Activations.apply(activation, pooler.dense.forward(states.last().get(":, 0, :"))); // (B, d)
        return classifier.forward(Dropout.apply(pooled, spec.dropout(), ctx)); // (B, C)
    }

    @Override
    public JsonObject config() {
        JsonObject o = SequenceHeads.config(spec);
        o.addProperty("pooler_dropout", 0.0);
        o.addProperty("pooler_hidden_act", activation.hfName());
        o.addProperty("pooler_hidden_size", (int) pooler.dense.weight().shape().get(0));
        return o;
    }

    @Override
    public String describe() {
        return "ContextPoolerHead(h0 → pooler.dense → " + activation.hfName() + " → dropout " + spec.dropout() + " → classifier)";
    }
}
