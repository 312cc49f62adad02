package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Parameter;

/**
 * RoFormerV2 / GAU-α MLM output: logits = h·Eᵀ with E the token table; no transform, norm or bias. With a factorised
 * embedding (table width E ≠ d) a Linear d → E without bias maps h first, as bert4keras's {@code Output-Mapping}.
 */
public final class TiedDecoderMlmHead extends MlmHead {

    private final Parameter decoder;
    private final Linear outputMapping;

    public TiedDecoderMlmHead(int hidden, Parameter tokenTable) {
        this.decoder = tokenTable;
        int width = (int) tokenTable.shape().get(1);
        this.outputMapping = width == hidden ? null : addChild("output_mapping", new Linear(hidden, width, false));
    }

    @Override
    public NDArray logits(NDArray hidden) {
        NDArray h = outputMapping == null ? hidden : outputMapping.forward(hidden); // (..., E)
        return h.getNDArrayInternal().linear(h, decoder.value(), null).singletonOrThrow(); // (..., V)
    }

    @Override
    public String describe() {
        return "TiedDecoderMlmHead(decoder tied to the token table, no bias"
                + (outputMapping == null ? ")" : ", output mapping d → E)");
    }
}
