package org.bert4j.train.data.corpus;

import java.util.List;

/**
 * One document: its sentences in order (never empty, none blank) and where it starts, {@code file:line}, so a
 * problem found later (a sequence, a token) can be traced back to the text.
 */
public record Document(List<String> sentences, String origin) {

    public Document {
        if (sentences.isEmpty()) throw new IllegalArgumentException(origin + ": a document needs at least one sentence");
        sentences = List.copyOf(sentences);
    }
}
