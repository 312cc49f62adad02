package org.bert4j.train.data.tokenized;

import ai.djl.huggingface.tokenizers.Encoding;

/**
 * One rule for sentences with Chinese characters in them and another for the rest, so a mixed corpus needs no
 * setting and English sentences do not pay for jieba.
 */
public final class ScriptDependentBoundaries implements WordBoundaries {

    private final WordBoundaries han;
    private final WordBoundaries other;

    public ScriptDependentBoundaries(WordBoundaries han, WordBoundaries other) {
        this.han = han;
        this.other = other;
    }

    @Override
    public boolean[] wordStarts(String text, Encoding encoding) {
        return containsHan(text) ? han.wordStarts(text, encoding) : other.wordStarts(text, encoding);
    }

    static boolean containsHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
