package org.bert4j.train.data.tokenized;

import ai.djl.huggingface.tokenizers.Encoding;

/** Marks the tokens of a sentence that start a word. */
public sealed interface WordBoundaries permits WordPieceBoundaries, JiebaBoundaries, ScriptDependentBoundaries {

    /**
     * @param text     the sentence
     * @param encoding its encoding without special tokens (tokens and their character spans)
     * @return one flag per token, true where a word starts
     */
    boolean[] wordStarts(String text, Encoding encoding);
}
