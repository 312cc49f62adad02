package org.bert4j.finetune.task;

import java.util.List;

/**
 * What the model trains on or predicts for: the encoder rows of (part of) one example and its target in the form
 * the task's loss reads. Sequence-level tasks make one feature of one row per example; the shape leaves room for
 * the tasks that do not: extractive QA makes one feature per sliding window of a long context (several per
 * example, each with its own answer positions), multiple choice one feature of k rows (one per option, scored
 * against each other).
 *
 * @param example index of the example it came from, so predictions can be gathered back per example
 * @param rows    encoder rows, batched together (flattened in order) with other features' rows
 * @param target  the gold in the loss's form, or null when the example has none (prediction)
 */
public record Feature<T>(int example, List<EncodedText> rows, T target) {

    public Feature {
        if (rows.isEmpty()) throw new IllegalArgumentException("a feature needs at least one encoder row");
        rows = List.copyOf(rows);
    }

    public static <T> Feature<T> single(int example, EncodedText row, T target) {
        return new Feature<>(example, List.of(row), target);
    }

    /** Real tokens over all rows (k rows of a multiple-choice question count k times). */
    public long tokens() {
        long sum = 0;
        for (EncodedText r : rows) sum += r.length();
        return sum;
    }

    /** The longest row, what each of its rows costs in a padded batch (batches are bucketed by it). */
    public int length() {
        int max = 0;
        for (EncodedText r : rows) max = Math.max(max, r.length());
        return max;
    }
}
