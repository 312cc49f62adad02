package org.bert4j.finetune.task;

import java.util.Objects;

/**
 * What a sequence-level task feeds the encoder for one example: one text, or a pair that becomes
 * {@code [CLS] text [SEP] pair [SEP]} with segment ids 0 then 1.
 *
 * @param pair null for single-text inputs
 */
public record SequenceInput(String text, String pair) {

    public SequenceInput {
        Objects.requireNonNull(text, "text");
    }

    public static SequenceInput of(String text) { return new SequenceInput(text, null); }

    public static SequenceInput of(String text, String pair) { return new SequenceInput(text, pair); }

    public boolean isPair() { return pair != null; }
}
