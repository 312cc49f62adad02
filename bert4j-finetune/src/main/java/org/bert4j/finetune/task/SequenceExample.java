package org.bert4j.finetune.task;

import java.util.Objects;

/**
 * An example of a sequence-level task: the encoder input and the gold answer in the data's own terms (a label
 * name, a score, a set of label names), or null when there is none (texts to predict).
 */
public record SequenceExample<G>(SequenceInput input, G gold) {

    public SequenceExample {
        Objects.requireNonNull(input, "input");
    }

    public static <G> SequenceExample<G> unlabelled(SequenceInput input) { return new SequenceExample<>(input, null); }
}
