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

    /**
     * DeBERTa's relative positions (MODELS.md "DeBERTa v2/v3"): i − j, log-bucketed beyond {@code positionBuckets}/2
     * when {@code positionBuckets} > 0, indexes a shared table of 2·span rows (span = the bucket count, or
     * {@code maxRelativePositions} without buckets) that the disentangled attention of every layer projects.
     *
     * @param normalizeTable          the table goes through a LayerNorm first ({@code norm_rel_ebd = layer_norm})
     * @param absoluteInputPositions  &gt; 0: a learned absolute table of that many rows is also added to the input
     *                                ({@code position_biased_input}, DeBERTa v1/v2); 0: none (v3)
     */
    record Relative(int positionBuckets, int maxRelativePositions, boolean normalizeTable, int absoluteInputPositions)
            implements PositionEncoding {

        /** Rows of the relative table are 2·span. */
        public int span() { return positionBuckets > 0 ? positionBuckets : maxRelativePositions; }
    }

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
