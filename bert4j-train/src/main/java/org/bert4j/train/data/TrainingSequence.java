package org.bert4j.train.data;

/**
 * One training sequence before masking, special tokens included and no padding: {@code [CLS] a [SEP]} or
 * {@code [CLS] a [SEP] b [SEP]}. Maskers read {@code wordStarts} (true where a token begins a word: not a
 * {@code ##} piece in English, a jieba word start in Chinese, and every special token) and {@code maskable}
 * (false for special tokens).
 *
 * @param pairLabel for NSP/SOP: 0 = in order / is next, 1 = swapped / random; {@link #NO_PAIR_LABEL} otherwise
 */
public record TrainingSequence(int[] ids, int[] typeIds, boolean[] wordStarts, boolean[] maskable, int pairLabel) {

    public static final int NO_PAIR_LABEL = -1;

    public TrainingSequence {
        int n = ids.length;
        if (typeIds.length != n || wordStarts.length != n || maskable.length != n) {
            throw new IllegalArgumentException("ids, typeIds, wordStarts and maskable must have the same length");
        }
    }

    public int length() { return ids.length; }
}
