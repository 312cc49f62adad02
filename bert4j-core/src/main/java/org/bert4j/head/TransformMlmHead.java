package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.bert4j.config.Activation;
import org.bert4j.config.HeadSpec;
import org.bert4j.model.Encoder;
import org.bert4j.nn.Activations;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Norm;
import org.bert4j.nn.Parameter;

/**
 * BERT's MLM head (HF {@code BertLMPredictionHead}): LN(act(W·h + b))·Eᵀ + b_vocab. The decoder is the token
 * table itself (tied), so it is not registered here; with a factorised embedding W maps d → E (ALBERT).
 */
public final class TransformMlmHead extends MlmHead {

    private final Activation activation;
    private final Linear transform;
    private final Norm norm;
    private final Parameter decoder;
    private final Parameter bias;
    private final EnhancedMaskDecoder maskDecoder;

    public TransformMlmHead(int hidden, HeadSpec.MlmHead.Transform spec, Parameter tokenTable) {
        long vocab = tokenTable.shape().get(0);
        int width = (int) tokenTable.shape().get(1);
        this.activation = spec.activation();
        this.transform = addChild("transform", new Linear(hidden, width, true));
        this.norm = addChild("transform_norm", Norm.of(spec.normalization(), width));
        this.decoder = tokenTable;
        this.bias = addParameter("bias", new Parameter(new Shape(vocab), Parameter.Init.ZEROS));
        this.maskDecoder = spec.maskDecoderPositions() > 0
                ? addChild("mask_decoder", new EnhancedMaskDecoder(spec.maskDecoderPositions(), hidden)) : null;
    }

    @Override
    public NDArray states(Encoder encoder, Encoder.Output encoded) {
        return maskDecoder == null ? encoded.last() : maskDecoder.decode(encoder, encoded);
    }

    @Override
    public NDArray logits(NDArray hidden) {
        NDArray h = norm.forward(Activations.apply(activation, transform.forward(hidden))); // (..., E)
        return h.getNDArrayInternal().linear(h, decoder.value(), bias.value()).singletonOrThrow(); // (..., V)
    }

    @Override
    public String describe() {
        return "TransformMlmHead(" + activation.hfName() + ", decoder tied to the token table"
                + (maskDecoder == null ? ")" : ", after the enhanced mask decoder)");
    }
}
