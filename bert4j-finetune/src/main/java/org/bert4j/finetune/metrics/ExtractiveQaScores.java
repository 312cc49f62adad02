package org.bert4j.finetune.metrics;

import java.util.List;

/**
 * Exact match and F1 of an extractive QA evaluation (SQuAD, CMRC 2018, DRCD): for each question the best score
 * over its gold answers (annotators may mark different but acceptable spans), then the mean over questions.
 *
 * <p>Both are fractions in [0, 1]; the official scripts print them ×100 (our 0.8123 is their 81.23).
 *
 * @param exactMatch mean over questions of max over gold answers of exact match (1 or 0)
 * @param f1 mean over questions of max over gold answers of the token F1
 * @param questions how many questions were scored
 */
public record ExtractiveQaScores(double exactMatch, double f1, int questions) {

    /**
     * Scores {@code predictions.get(i)} against the gold answers {@code goldAnswers.get(i)} (at least one each),
     * each question with the scorer {@code language} gives it.
     */
    public static ExtractiveQaScores of(List<String> predictions, List<? extends List<String>> goldAnswers,
            AnswerLanguage language) {
        Accuracy.requireSameNonEmpty(goldAnswers.size(), predictions.size());
        double exact = 0, f1 = 0;
        for (int q = 0; q < predictions.size(); q++) {
            List<String> golds = goldAnswers.get(q);
            if (golds.isEmpty()) throw new IllegalArgumentException("question " + q + " has no gold answer");
            AnswerScorer scorer = language.scorerFor(golds);
            String prediction = predictions.get(q);
            exact += golds.stream().anyMatch(gold -> scorer.exactMatch(prediction, gold)) ? 1 : 0;
            f1 += golds.stream().mapToDouble(gold -> scorer.f1(prediction, gold)).max().orElseThrow();
        }
        return new ExtractiveQaScores(exact / predictions.size(), f1 / predictions.size(), predictions.size());
    }

    /** exact_match, f1. */
    public MetricResult toResult() {
        return MetricResult.of("exact_match", exactMatch).with("f1", f1);
    }
}
