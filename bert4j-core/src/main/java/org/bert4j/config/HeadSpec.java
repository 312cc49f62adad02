package org.bert4j.config;

/**
 * The pre-training heads a family puts on its encoder.
 *
 * @param mlm          the masked-LM head, or {@link MlmHead.None}
 * @param pooler       tanh(W·h_CLS + b) (BERT, ALBERT)
 * @param sentencePair NSP / SOP classifier Linear(d, 2) on the pooled output
 * @param replacedTokenDetection the activation of ELECTRA's discriminator head, Linear(d, 1)(act(W·h + b)) on every
 *                     token; null when the model has no such head
 */
public record HeadSpec(MlmHead mlm, boolean pooler, boolean sentencePair, Activation replacedTokenDetection) {

    /** Heads without a replaced-token-detection head. */
    public HeadSpec(MlmHead mlm, boolean pooler, boolean sentencePair) {
        this(mlm, pooler, sentencePair, null);
    }

    public boolean hasMlm() { return !(mlm instanceof MlmHead.None); }

    public boolean hasReplacedTokenDetection() { return replacedTokenDetection != null; }

    public sealed interface MlmHead {
        /**
         * BERT: LN(act(W·h + b))·Eᵀ + b_vocab, decoder tied to the token table. With
         * {@code maskDecoderPositions} &gt; 0, DeBERTa's enhanced mask decoder runs first, with an absolute position
         * table of that many rows.
         */
        record Transform(Activation activation, Normalization normalization, int maskDecoderPositions) implements MlmHead {

            public Transform(Activation activation, Normalization normalization) {
                this(activation, normalization, 0);
            }
        }

        /** RoFormerV2 / GAU-α: the bare tied decoder h·Eᵀ: no transform, no norm, no bias. */
        record TiedDecoder() implements MlmHead {}

        record None() implements MlmHead {}
    }

    public static HeadSpec none() { return new HeadSpec(new MlmHead.None(), false, false); }
}
