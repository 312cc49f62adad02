package org.bert4j.train.masking;

import java.util.Set;

/**
 * How much MLM predicts and what it does to the chosen tokens (BERT, Devlin et al. 2019, §3.1 and appendix A.1;
 * MODELS.md §3): {@code rate} of the maskable tokens are chosen; each chosen token becomes [MASK] with
 * probability {@code maskFraction}, a random token with probability {@code randomFraction}, and stays as it was
 * otherwise (BERT: 0.15 and 80/10/10).
 *
 * @param maskTokenId the id of [MASK]
 * @param vocabSize   random replacements are drawn uniformly from {@code [0, vocabSize)} minus {@code neverRandom}
 * @param neverRandom ids a random replacement never takes: special tokens ([PAD], [CLS], [SEP], [MASK], [UNK])
 *                    and unused slots. BERT's script draws from the whole vocabulary; a stray [SEP] or [PAD] in
 *                    the middle of a text is a signal the model should never be taught to read as noise.
 */
public record MaskingPolicy(double rate, double maskFraction, double randomFraction, int maskTokenId, int vocabSize,
                            Set<Integer> neverRandom) {

    /** Slack for fractions written in decimal (0.8 + 0.1 + 0.1 is not exactly 1 in binary). */
    private static final double SUM_TOLERANCE = 1e-9;

    public MaskingPolicy {
        if (!(rate > 0 && rate <= 1)) throw new IllegalArgumentException("masking rate must be in (0, 1], got " + rate);
        requireFraction("maskFraction", maskFraction);
        requireFraction("randomFraction", randomFraction);
        if (maskFraction + randomFraction > 1 + SUM_TOLERANCE) {
            throw new IllegalArgumentException("maskFraction + randomFraction must be at most 1, got "
                    + maskFraction + " + " + randomFraction);
        }
        if (vocabSize <= 0) throw new IllegalArgumentException("vocabSize must be positive, got " + vocabSize);
        if (maskTokenId < 0 || maskTokenId >= vocabSize) {
            throw new IllegalArgumentException("maskTokenId " + maskTokenId + " is outside the vocabulary [0, " + vocabSize + ")");
        }
        neverRandom = Set.copyOf(neverRandom);
        long excluded = neverRandom.stream().filter(id -> id >= 0 && id < vocabSize).count();
        if (randomFraction > 0 && excluded >= vocabSize) {
            throw new IllegalArgumentException("neverRandom excludes the whole vocabulary: no id is left for random replacement");
        }
    }

    /** BERT's settings: 15%, then 80% [MASK], 10% random, 10% unchanged. */
    public static MaskingPolicy bert(int maskTokenId, int vocabSize, Set<Integer> neverRandom) {
        return new MaskingPolicy(0.15, 0.8, 0.1, maskTokenId, vocabSize, neverRandom);
    }

    /** The share of chosen tokens left unchanged (still predicted). */
    public double keepFraction() {
        return Math.max(0, 1 - maskFraction - randomFraction);
    }

    /**
     * How many tokens to predict in a sequence with {@code maskable} maskable tokens: round(rate × maskable), half
     * up, and at least 1 when any token is maskable (as BERT's {@code max(1, round(len · masked_lm_prob))}; BERT
     * counts special tokens too, we count only what may be masked).
     */
    public int budget(int maskable) {
        if (maskable <= 0) return 0;
        return (int) Math.max(1, Math.round(rate * maskable));
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
}
