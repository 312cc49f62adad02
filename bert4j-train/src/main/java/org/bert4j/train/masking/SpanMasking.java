package org.bert4j.train.masking;

/**
 * SpanBERT's span masking (Joshi et al. 2020, §3.1): spans of ℓ whole words, ℓ ~ Geometric({@code p}) clipped at
 * {@code maxWords}, until the budget is spent.
 */
public record SpanMasking(double p, int maxWords) implements MaskingStrategy {

    public SpanMasking {
        UnitLengths.truncatedGeometric(p, maxWords); // validates both
    }

    /** SpanBERT's p = 0.2, ℓ ≤ 10 (mean 3.8 words). */
    public SpanMasking() { this(0.2, 10); }

    @Override public String name() { return "span"; }

    @Override public boolean wholeWords() { return true; }

    @Override public UnitLengths unitLengths() { return UnitLengths.truncatedGeometric(p, maxWords); }
}
