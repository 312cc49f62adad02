package org.bert4j.train.masking;

/**
 * What a strategy masks as one piece: {@code words} consecutive words from word index {@code firstWord} (single
 * tokens under token-level masking), covering token positions {@code [start, end)}.
 */
record MaskingUnit(int firstWord, int words, int start, int end) {

    int tokens() { return end - start; }
}
