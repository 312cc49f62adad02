package org.bert4j.finetune.task;

/**
 * One sliding window of an extractive QA example: the encoder row ({@code [CLS] question [SEP] window [SEP]} in the
 * tokenizer's own layout) and, for the window's context tokens, where they sit in the row and which characters of
 * the context they cover. The character ranges are what turn a predicted token span back into the context's exact
 * text, so an answer is a substring of the context, never a detokenised approximation of it.
 *
 * @param row           the encoder row
 * @param contextOffset row position of the window's first context token
 * @param firstToken    index of that token among all the context's tokens (windows overlap, so this locates it)
 * @param charStart     for each of the window's context tokens, its first character in the context (UTF-16 index)
 * @param charEnd       for each, the index after its last character
 */
public record QaWindow(EncodedText row, int contextOffset, int firstToken, int[] charStart, int[] charEnd) {

    public QaWindow {
        if (charStart.length != charEnd.length) throw new IllegalArgumentException("one start and one end per context token");
        if (charStart.length == 0) throw new IllegalArgumentException("a window needs at least one context token");
        if (contextOffset + charStart.length > row.length()) {
            throw new IllegalArgumentException("the window's " + charStart.length + " context tokens from position " + contextOffset
                    + " do not fit its row of " + row.length());
        }
    }

    /** How many context tokens the window holds. */
    public int tokens() { return charStart.length; }

    /** Whether the context token {@code token} (an index over the whole context) is inside this window. */
    public boolean covers(int token) {
        return token >= firstToken && token < firstToken + tokens();
    }

    /** The row position of the context token {@code token}, which the window must cover. */
    public int position(int token) {
        if (!covers(token)) throw new IllegalArgumentException("context token " + token + " is outside this window");
        return contextOffset + token - firstToken;
    }

    /** The context's characters from the window's token {@code first} to its token {@code last} (window-relative, inclusive). */
    public String text(String context, int first, int last) {
        return context.substring(charStart[first], charEnd[last]);
    }
}
