package org.bert4j.train.data.tokenized;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;

/**
 * Chinese word starts from jieba, mapped onto tokens through the tokenizer's character spans: bert-base-chinese
 * cuts Chinese into single characters, so a word like 天安门 is three tokens and only the first starts the word.
 * A token starts a word when its span begins where a jieba word begins and it is not a {@code ##} piece.
 * jieba's {@code SegMode.SEARCH} is its precise mode (no overlapping sub-words; {@code INDEX} adds them).
 * Tokenizer spans count Unicode code points, jieba offsets count UTF-16 units: they differ after an emoji.
 */
public final class JiebaBoundaries implements WordBoundaries {

    /** The dictionary takes about two seconds to load: once per JVM, on first use. */
    private static final class Segmenter {
        static final JiebaSegmenter INSTANCE = new JiebaSegmenter();
    }

    @Override
    public boolean[] wordStarts(String text, Encoding encoding) {
        boolean[] wordStartAt = new boolean[text.length() + 1];
        for (SegToken word : Segmenter.INSTANCE.process(text, JiebaSegmenter.SegMode.SEARCH)) wordStartAt[word.startOffset] = true;
        String[] tokens = encoding.getTokens();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] utf16Offset = text.length() == text.codePointCount(0, text.length()) ? null : utf16Offsets(text);
        boolean[] starts = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].startsWith(WordPieceBoundaries.CONTINUATION)) continue;
            if (spans[i] == null) {
                starts[i] = true; // an added token with no place in the text: a word of its own
                continue;
            }
            int start = utf16Offset == null ? spans[i].getStart() : utf16Offset[spans[i].getStart()];
            starts[i] = wordStartAt[start];
        }
        return starts;
    }

    /** The UTF-16 index of each code point, and the text length at the end. */
    private static int[] utf16Offsets(String text) {
        int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) offsets[cp++] = i;
        offsets[cp] = text.length();
        return offsets;
    }
}
