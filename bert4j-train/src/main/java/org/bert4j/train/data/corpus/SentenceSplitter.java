package org.bert4j.train.data.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into sentences, the units of NSP/SOP segments and of RoBERTa's FULL-/DOC-SENTENCES packing
 * (MODELS.md section 3). A sentence ends at a line break; after a Chinese full stop, exclamation, question mark or
 * semicolon ({@code 。！？；}); or after {@code . ! ?} followed by white space, a Han character or the end of the
 * text (so {@code 3.14} and {@code example.com} stay whole). Closing quotes and brackets and repeated marks
 * ({@code 。”}, {@code ！！！}) stay with the sentence they close. Pieces are trimmed; blank ones are dropped.
 * A heuristic, as every splitter is: abbreviations such as {@code Mr. Smith} are cut.
 */
public final class SentenceSplitter {

    private static final String CHINESE_ENDS = "。！？；";
    private static final String LATIN_ENDS = ".!?";
    private static final String CLOSERS = "”’」』）》】〕\"')]}»";

    private SentenceSplitter() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(sentences, text, start, i);
                start = ++i;
                continue;
            }
            boolean chinese = CHINESE_ENDS.indexOf(c) >= 0;
            if (!chinese && LATIN_ENDS.indexOf(c) < 0) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && (isEnd(text.charAt(end)) || CLOSERS.indexOf(text.charAt(end)) >= 0)) {
                chinese |= CHINESE_ENDS.indexOf(text.charAt(end)) >= 0;
                end++;
            }
            if (chinese || end == text.length() || endsLatinSentence(text, end)) {
                add(sentences, text, start, end);
                start = end;
            }
            i = end;
        }
        add(sentences, text, start, text.length());
        return sentences;
    }

    private static boolean isEnd(char c) {
        return CHINESE_ENDS.indexOf(c) >= 0 || LATIN_ENDS.indexOf(c) >= 0;
    }

    private static boolean endsLatinSentence(String text, int next) {
        int cp = text.codePointAt(next);
        return Character.isWhitespace(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static void add(List<String> sentences, String text, int from, int to) {
        String s = text.substring(from, to).strip();
        if (!s.isEmpty()) sentences.add(s);
    }
}
