package org.bert4j.train.data.tokenized;

/** The tokens of one sentence, without special tokens, and which of them start a word. */
public record TokenizedText(int[] ids, boolean[] wordStarts) {

    public TokenizedText {
        if (ids.length != wordStarts.length) throw new IllegalArgumentException("ids and wordStarts differ in length");
    }

    public int length() { return ids.length; }
}
