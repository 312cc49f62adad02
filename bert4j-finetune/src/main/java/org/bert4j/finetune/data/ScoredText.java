package org.bert4j.finetune.data;

import java.util.Objects;

/** One text and a real-valued score for it (a rating, a readability grade): single-text regression. */
public record ScoredText(String text, double score) {

    public ScoredText {
        Objects.requireNonNull(text, "text");
        if (!Double.isFinite(score)) throw new IllegalArgumentException("score must be a finite number, not " + score);
    }
}
