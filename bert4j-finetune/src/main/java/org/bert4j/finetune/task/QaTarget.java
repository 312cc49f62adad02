package org.bert4j.finetune.task;

/**
 * What a QA window feature carries: the window (prediction needs its character ranges, gold or not) and the gold
 * answer's start and end row positions. Both are 0, the {@code [CLS]} position, when the answer is not wholly inside
 * this window or the example has no aligned answer, as HF trains windows without the answer: the model learns to
 * put its weight on [CLS] there, which the answer search ignores since it only reads context tokens.
 */
public record QaTarget(QaWindow window, int start, int end) {

    public QaTarget {
        if (start < 0 || end < start || end >= window.row().length()) {
            throw new IllegalArgumentException("answer positions " + start + ".." + end + " do not fit a row of " + window.row().length());
        }
    }
}
