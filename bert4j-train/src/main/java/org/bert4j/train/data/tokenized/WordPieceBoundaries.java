package org.bert4j.train.data.tokenized;

import ai.djl.huggingface.tokenizers.Encoding;

/**
 * BERT's whole-word rule for WordPiece (google-research/bert, create_pretraining_data.py): a token whose text
 * starts with {@code ##} continues the previous word; every other token starts one.
 */
public final class WordPieceBoundaries implements WordBoundaries {

    static final String CONTINUATION = "##";

    @Override
    public boolean[] wordStarts(String text, Encoding encoding) {
        String[] tokens = encoding.getTokens();
        boolean[] starts = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) starts[i] = !tokens[i].startsWith(CONTINUATION);
        return starts;
    }
}
