package org.bert4j.finetune.data;

import java.util.List;

/**
 * A sentence as tokens (words, or characters for Chinese) with one tag each, BIO / BIOES / BMES as the file
 * has them; the tags are not checked against a scheme here, since data sets disagree on schemes.
 */
public record TaggedSequence(List<String> tokens, List<String> tags) {

    public TaggedSequence {
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
        if (tokens.size() != tags.size()) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + tags.size() + " tags");
        }
    }

    public int size() { return tokens.size(); }
}
