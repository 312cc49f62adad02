package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.HeadSpec;
import org.bert4j.model.Encoder;
import org.bert4j.nn.Module;
import org.bert4j.nn.Parameter;

/** Hidden states → vocabulary logits. Callers pass only the rows they need (masked positions). */
public abstract class MlmHead extends Module {

    /** (..., d) → (..., V). */
    public abstract NDArray logits(NDArray hidden);

    /** The (B, T, d) states {@link #logits} reads: the encoder's output, or what a decoder makes of the pass. */
    public NDArray states(Encoder encoder, Encoder.Output encoded) {
        return encoded.last();
    }

    public static MlmHead of(HeadSpec.MlmHead spec, int hidden, Parameter tokenTable) {
        if (spec instanceof HeadSpec.MlmHead.Transform t) return new TransformMlmHead(hidden, t, tokenTable);
        if (spec instanceof HeadSpec.MlmHead.TiedDecoder) return new TiedDecoderMlmHead(hidden, tokenTable);
        return null;
    }
}
