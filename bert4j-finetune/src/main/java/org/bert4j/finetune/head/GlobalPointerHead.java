package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import org.bert4j.config.Initialization;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.ForwardContext;

/**
 * The span head of {@code bert4j finetune --task spans}: an {@link EfficientGlobalPointer} over the backbone's last
 * states (no pooler, no dropout, as Su's CLUENER scripts), its weights under {@code global_pointer.p_dense.*} and
 * {@code global_pointer.q_dense.*}. HF has no such class, so the architecture is bert4j's own name, the family's
 * with {@code ForGlobalPointer} ({@code BertForGlobalPointer}), and config.json records {@code global_pointer_head_size}
 * so the head is rebuilt at its size.
 */
public final class GlobalPointerHead extends TaskHeadModule {

    /** config.json key of the q/k size per span. */
    public static final String HEAD_SIZE_KEY = "global_pointer_head_size";

    private final String architecture;
    private final GlobalPointer pointer;

    public GlobalPointerHead(SequenceClassifierSpec sequenceSpec, int hidden, int types, int headSize) {
        this.architecture = architecture(sequenceSpec.architecture(), "ForGlobalPointer");
        this.pointer = addChild("global_pointer", GlobalPointer.efficient(hidden, types, headSize));
    }

    /** (rows, types, T, T) span scores, {@link GlobalPointer#EXCLUDED} where a span cannot be. */
    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        return pointer.scores(states.last(), attentionMask);
    }

    public String architecture() { return architecture; }

    /**
     * LeCun normal, σ = 1/√fan_in, as bert4keras draws the GlobalPointer's dense layers, not BERT's σ = 0.02. The
     * span score is a product of two projections, so its spread at the start goes with σ²: at 0.02 (about 1/√512 ÷ 2.2
     * for a 512-wide encoder) the pairwise term starts some 5 times smaller, the type biases alone decide every
     * span, and fine-tuning bge-small-zh on CLUENER at 5e-5 ended two epochs still predicting no span at all.
     */
    @Override
    public Initialization initialization(Initialization backbone) {
        return new Initialization.DepthScaled(1.0, 0.0);
    }

    @Override
    public JsonObject config() {
        JsonObject o = architectureConfig(architecture);
        o.addProperty(HEAD_SIZE_KEY, pointer.headSize());
        return o;
    }

    @Override
    public String describe() {
        return "GlobalPointerHead(" + pointer.describe() + ")";
    }
}
