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
 * RoBERTa's and RoFormer's sequence head (HF {@code RobertaClassificationHead}, {@code RoFormerClassificationHead}):
 * logits = out_proj(dropout(act(dense(dropout(h₀))))) under {@code classifier.dense} and {@code classifier.out_proj}.
 * The activation is tanh for RoBERTa and the model's {@code hidden_act} for RoFormer, as HF has them.
 */
final class FirstTokenTwoLayerHead extends TaskHeadModule {

    /** The {@code classifier} block of the HF class: two linears. */
    private static final class Projection extends Module {
        final Linear dense;
        final Linear outProj;

        Projection(int hidden, int outputs) {
            this.dense = addChild("dense", new Linear(hidden, hidden, true));
            this.outProj = addChild("out_proj", new Linear(hidden, outputs, true));
        }

        @Override
        public String describe() { return "dense → activation → out_proj"; }
    }

    private final SequenceClassifierSpec spec;
    private final Activation activation;
    private final Projection classifier;

    FirstTokenTwoLayerHead(SequenceClassifierSpec spec, Activation activation, int hidden, int outputs) {
        this.spec = spec;
        this.activation = activation;
        this.classifier = addChild("classifier", new Projection(hidden, outputs));
    }

    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        NDArray first = states.last().get(":, 0, :"); // (B, d)
        NDArray x = classifier.dense.forward(Dropout.apply(first, spec.dropout(), ctx));
        x = Activations.apply(activation, x);
        return classifier.outProj.forward(Dropout.apply(x, spec.dropout(), ctx)); // (B, C)
    }

    @Override
    public JsonObject config() { return SequenceHeads.config(spec); }

    @Override
    public String describe() {
        return "FirstTokenTwoLayerHead(h0 → dropout " + spec.dropout() + " → dense → " + activation.hfName() + " → out_proj)";
    }
}
