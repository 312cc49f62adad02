package org.bert4j.config;

/** How a token learns where it is (MODELS.md section 1, "position"). */
public sealed interface PositionEncoding {

    /** A learned table added to the token embeddings; ids start at {@code offset} (RoBERTa: pad id + 1). */
    record Absolute(int maxPositions, int offset) implements PositionEncoding {}

    /**
     * Rotary position encoding on queries and keys (and values when {@code rotateValues}) of every attention.
     * {@code base} is 10000 in every released model.
     */
    record Rotary(RotaryLayout layout, double base, boolean rotateValues) implements PositionEncoding {}

    /** No position signal at all (bag-of-tokens; useful in tests). */
    record None() implements PositionEncoding {}

    /** Which coordinates form a rotating pair. */
    enum RotaryLayout {
        /** Pair (2i, 2i+1): RoFormer, RoFormerV2, GAU-α (HF RoFormer and bert4keras). */
        INTERLEAVED,
        /** Pair (i, i + D/2): GPT-NeoX, Llama, ModernBERT. */
        HALF_SPLIT
    }
}
