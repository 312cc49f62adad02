package org.bert4j.finetune.data;

import java.util.Objects;

/** Two texts and the label of their relation (match / no match, entailment / neutral / contradiction...). */
public record TextPairExample(String textA, String textB, String label) {

    public TextPairExample {
        Objects.requireNonNull(textA, "textA");
        Objects.requireNonNull(textB, "textB");
        Objects.requireNonNull(label, "label");
    }
}
