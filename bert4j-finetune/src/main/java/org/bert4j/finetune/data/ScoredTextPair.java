package org.bert4j.finetune.data;

import java.util.Objects;

/** Two texts and a real-valued score of their relation, such as STS-B similarity from 0 to 5 (a regression target). */
public record ScoredTextPair(String textA, String textB, double score) {

    public ScoredTextPair {
        Objects.requireNonNull(textA, "textA");
        Objects.requireNonNull(textB, "textB");
        if (!Double.isFinite(score)) throw new IllegalArgumentException("score must be a finite number, not " + score);
    }
}
