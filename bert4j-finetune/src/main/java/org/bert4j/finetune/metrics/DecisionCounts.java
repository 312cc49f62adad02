package org.bert4j.finetune.metrics;

/**
 * True positives, false positives and false negatives of one class, one entity type, or of all of them pooled:
 * the three numbers precision, recall and F1 are made of.
 *
 * <p>precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2·tp / (2·tp + fp + fn) (the harmonic mean of the
 * two, written so that it needs no special case when both are 0). A zero denominator gives 0, as scikit-learn's and
 * seqeval's default {@code zero_division} does: a class the model never predicts has precision 0, so macro averages
 * stay finite and penalise it.
 */
public record DecisionCounts(long truePositives, long falsePositives, long falseNegatives) {

    public static final DecisionCounts ZERO = new DecisionCounts(0, 0, 0);

    public DecisionCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("negative count: " + truePositives + ", " + falsePositives + ", " + falseNegatives);
        }
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** How many gold items (examples of the class, gold entities of the type) there are: tp + fn. */
    public long support() {
        return truePositives + falseNegatives;
    }

    /** How many items were predicted: tp + fp. */
    public long predicted() {
        return truePositives + falsePositives;
    }

    /** Counts summed, for pooling classes or batches (micro averaging). */
    public DecisionCounts plus(DecisionCounts other) {
        return new DecisionCounts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    DecisionCounts plus(long tp, long fp, long fn) {
        return plus(new DecisionCounts(tp, fp, fn));
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
