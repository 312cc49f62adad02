package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.AttentionNormalizer;

/** Scores (B, h, Tq, Tk) → attention weights, honouring the padding mask (MODELS.md, GAU-α). */
public interface ScoreNormalizer {

    /** May overwrite {@code scores}, which callers pass fresh from the matmul and do not use again. */
    NDArray normalize(NDArray scores, AttentionMask mask);

    String describe();

    static ScoreNormalizer of(AttentionNormalizer spec) {
        if (spec instanceof AttentionNormalizer.Softmax) return new Softmax();
        if (spec instanceof AttentionNormalizer.SoftmaxPlus p) return new SoftmaxPlus(p.trainLength(), p.minKeys());
        if (spec instanceof AttentionNormalizer.SquaredRelu) return new SquaredRelu();
        throw new IllegalArgumentException("unknown attention normalizer " + spec);
    }

    /** softmax(a + mask). */
    record Softmax() implements ScoreNormalizer {
        @Override
        public NDArray normalize(NDArray scores, AttentionMask mask) {
            return mask.addInPlace(scores).softmax(-1);
        }

        @Override
        public String describe() { return "softmax"; }
    }

    /**
     * softmax(a · log(n)/log(trainLength) + mask), n = max(real keys, minKeys): keeps the attention entropy of
     * training length at other lengths (bert4keras {@code attention_normalize(method='softmax_plus')}).
     */
    record SoftmaxPlus(int trainLength, int minKeys) implements ScoreNormalizer {
        @Override
        public NDArray normalize(NDArray scores, AttentionMask mask) {
            NDArray scale = mask.keyCounts().maximum(minKeys).log().div(Math.log(trainLength)); // (B, 1, 1, 1)
            return mask.addInPlace(scores.mul(scale)).softmax(-1);
        }

        @Override
        public String describe() { return "softmax_plus(train_length=" + trainLength + ", min_keys=" + minKeys + ")"; }
    }

    /** relu(a)² / n over real keys (FLASH). */
    record SquaredRelu() implements ScoreNormalizer {
        @Override
        public NDArray normalize(NDArray scores, AttentionMask mask) {
            NDArray r = ai.djl.nn.Activation.relu(scores);
            return mask.keepReal(r.mul(r)).div(mask.keyCounts());
        }

        @Override
        public String describe() { return "squared_relu"; }
    }
}
