package org.bert4j.finetune.data;

import java.util.Objects;

/**
 * A gold answer of extractive QA: its text and where it starts in the context, a Java {@code String} (UTF-16)
 * index. {@link #UNALIGNED} marks an answer whose text is not at the offset the file gives: it still counts as a
 * reference answer for exact-match and F1 (those compare texts), but a training target needs the position, so
 * {@link QaExample#trainingAnswers()} leaves it out.
 */
public record QaAnswer(String text, int start) {

    /** The start of an answer not found at its stated offset. */
    public static final int UNALIGNED = -1;

    public QaAnswer {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) throw new IllegalArgumentException("an answer text is empty");
        if (start < UNALIGNED) throw new IllegalArgumentException("answer start " + start + " is negative");
    }

    public boolean aligned() { return start != UNALIGNED; }

    /** End (exclusive) in the context; only for an aligned answer. */
    public int end() {
        if (!aligned()) throw new IllegalStateException("answer \"" + text + "\" has no position in its context");
        return start + text.length();
    }
}
