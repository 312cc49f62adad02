package org.bert4j.finetune.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A text with any number of labels that apply to it (none is allowed: "no topic applies" is an answer). The set
 * keeps the order of the file, so that printing an example shows it as written.
 */
public record MultiLabelExample(String text, Set<String> labels) {

    public MultiLabelExample {
        Objects.requireNonNull(text, "text");
        for (String label : labels) Objects.requireNonNull(label, "a label is null");
        labels = Collections.unmodifiableSet(new LinkedHashSet<>(labels));
    }
}
