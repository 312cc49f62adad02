package org.bert4j.finetune.metrics;

/**
 * How one predicted answer compares with one gold answer of an extractive QA question: exact match after the
 * scorer's normalisation, and a token-overlap F1 in [0, 1]. A question's score is the best over its gold answers
 * ({@link ExtractiveQaScores}).
 */
public interface AnswerScorer {

    boolean exactMatch(String prediction, String gold);

    double f1(String prediction, String gold);
}
