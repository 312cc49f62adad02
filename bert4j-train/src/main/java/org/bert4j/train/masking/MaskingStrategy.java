package org.bert4j.train.masking;

/**
 * How MLM chooses what to predict (MODELS.md §3). The strategies differ only in the units they cut a sequence
 * into; budget and corruption are shared ({@link #masker}).
 */
public sealed interface MaskingStrategy permits TokenMasking, WholeWordMasking, NgramMasking, SpanMasking {

    /** The run-file name: token, whole_word, ngram, span. */
    String name();

    /** Units are made of whole words ({@code wordStarts}) rather than single tokens. */
    boolean wholeWords();

    /** How many words (tokens when not {@link #wholeWords}) one unit spans. */
    UnitLengths unitLengths();

    default Masker masker(MaskingPolicy policy) {
        return new BudgetedMasker(this, policy);
    }

    /** The strategy a run file names, with the published settings (ALBERT n ≤ 3; SpanBERT p = 0.2, ℓ ≤ 10). */
    static MaskingStrategy named(String name) {
        return switch (name) {
            case "token" -> new TokenMasking();
            case "whole_word" -> new WholeWordMasking();
            case "ngram" -> new NgramMasking();
            case "span" -> new SpanMasking();
            default -> throw new IllegalArgumentException("unknown masking strategy '" + name
                    + "' (expected one of token, whole_word, ngram, span)");
        };
    }
}
