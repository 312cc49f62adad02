package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import org.bert4j.nn.Parameter;

/** RoFormerV2 / GAU-α MLM output: logits = h·Eᵀ with E the token table; no transform, norm or bias. */
public final class TiedDecoderMlmHead extends MlmHead {

    private final Parameter decoder;

    public TiedDecoderMlmHead(Parameter tokenTable) {
        this.decoder = tokenTable;
    }

    @Override
    public NDArray logits(NDArray hidden) {
        return hidden.getNDArrayInternal().linear(hidden, decoder.value(), null).singletonOrThrow(); // (..., V)
    }

    @Override
    public String describe() {
        return "TiedDecoderMlmHead(decoder tied to the token table, no bias)";
    }
}
