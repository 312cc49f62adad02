package org.bert4j.finetune.data;

import java.util.Objects;

/** One text and its class label (sentiment, topic...), the label as written in the data file. */
public record TextExample(String text, String label) {

    public TextExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
