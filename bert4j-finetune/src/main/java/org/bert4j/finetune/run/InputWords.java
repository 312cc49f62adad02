package org.bert4j.finetune.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A raw input line cut into the words a tagger reads, remembering where each came from so that an entity's text is
 * the line's own text (with its spaces, or without them in Chinese). Words are split at whitespace, and every Han
 * character is a word of its own, because the Chinese taggers are trained on characters; other runs of characters
 * (a Latin word, a number) stay whole. A line written as the training files write it (space-separated characters or
 * words) therefore reads exactly as they do.
 *
 * @param begin the line offset where each word starts
 * @param end   the line offset just after each word
 */
public record InputWords(String line, List<String> words, int[] begin, int[] end) {

    public static InputWords of(String line) {
        List<String> words = new ArrayList<>();
        List<int[]> bounds = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                i = next;
                continue;
            }
            if (!han(cp)) {
                while (next < line.length()) {
                    int c = line.codePointAt(next);
                    if (Character.isWhitespace(c) || han(c)) break;
                    next += Character.charCount(c);
                }
            }
            words.add(line.substring(i, next));
            bounds.add(new int[] {i, next});
            i = next;
        }
        return new InputWords(line, words, bounds.stream().mapToInt(b -> b[0]).toArray(), bounds.stream().mapToInt(b -> b[1]).toArray());
    }

    private static boolean han(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The line's text from word {@code start} to word {@code end} (exclusive). */
    public String text(int start, int end) {
        return line.substring(begin[start], this.end[end - 1]);
    }
}
