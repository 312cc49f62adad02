package org.bert4j.finetune.task;

/**
 * A sentence of pre-split words as one encoder row, and the link back: a tagger is trained and read on each word's
 * first sub-token only (HF's token-classification recipe), so one tag per word goes in and comes out however the
 * tokenizer splits words.
 *
 * @param row        the encoder row, special tokens included
 * @param firstPiece per word, the row position of its first sub-token, or -1 when the word has none (cut off by
 *                   the maximum length, or removed by the tokenizer's normaliser); such words are predicted "O"
 * @param truncated  whether words were cut off by the maximum length
 */
public record WordPieces(EncodedText row, int[] firstPiece, boolean truncated) {

    /** The number of words that have a position in the row. */
    public int placedWords() {
        int n = 0;
        for (int p : firstPiece) if (p >= 0) n++;
        return n;
    }
}
