package org.bert4j.train.vocab;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each word of a corpus occurs after {@link BasicTokenizer}, the input of WordPiece training. Words
 * longer than {@link BasicTokenizer#MAX_WORD_CHARS} are counted apart and left out: the tokenizer turns them into
 * [UNK] whatever the vocabulary holds.
 */
public final class WordCounts {

    private final BasicTokenizer tokenizer;
    private final Map<String, Long> counts = new HashMap<>();
    private long texts;
    private long words;
    private long overlong;

    public WordCounts(BasicTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public void add(String text) {
        texts++;
        tokenizer.forEachWord(text, word -> {
            words++;
            if (word.codePointCount(0, word.length()) > BasicTokenizer.MAX_WORD_CHARS) overlong++;
            else counts.merge(word, 1L, Long::sum);
        });
    }

    public Map<String, Long> counts() { return Collections.unmodifiableMap(counts); }

    public long texts() { return texts; }

    public long words() { return words; }

    public long overlongWords() { return overlong; }

    public int distinctWords() { return counts.size(); }
}
