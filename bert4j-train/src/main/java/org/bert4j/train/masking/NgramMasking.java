package org.bert4j.train.masking;

/** ALBERT's n-gram masking (Lan et al. 2020, §4.1): units of n ≤ {@code maxN} whole words, p(n) ∝ 1/n. */
public record NgramMasking(int maxN) implements MaskingStrategy {

    public NgramMasking {
        if (maxN < 1) throw new IllegalArgumentException("n-gram maximum must be at least 1, got " + maxN);
    }

    /** ALBERT's n ≤ 3: p = 6/11, 3/11, 2/11. */
    public NgramMasking() { this(3); }

    @Override public String name() { return "ngram"; }

    @Override public boolean wholeWords() { return true; }

    @Override public UnitLengths unitLengths() { return UnitLengths.inverseLength(maxN); }
}
