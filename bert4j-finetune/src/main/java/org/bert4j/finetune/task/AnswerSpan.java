package org.bert4j.finetune.task;

/**
 * A predicted answer of extractive QA: the context's exact characters [{@code start}, {@code end}) (UTF-16 indices)
 * and the span's score, the start token's logit plus the end token's (the ranking HF's {@code run_qa} uses; not a
 * probability).
 */
public record AnswerSpan(String text, int start, int end, double score) {

    public AnswerSpan {
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("answer \"" + text + "\" does not span [" + start + ", " + end + ")");
        }
    }
}
