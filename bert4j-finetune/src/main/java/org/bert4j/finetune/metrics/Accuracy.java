package org.bert4j.finetune.metrics;

/**
 * The fraction of examples whose predicted label equals the gold label. Multiple-choice tasks (C3, SWAG) are the
 * same computation with the index of the chosen option as the label: {@link #ofChoiceScores} picks that index.
 */
public final class Accuracy {

    private Accuracy() {}

    /** correct / total over parallel arrays of label ids. */
    public static double of(int[] gold, int[] predicted) {
        requireSameNonEmpty(gold.length, predicted.length);
        long correct = 0;
        for (int i = 0; i < gold.length; i++) if (gold[i] == predicted[i]) correct++;
        return (double) correct / gold.length;
    }

    /**
     * Multiple-choice accuracy: {@code choiceScores[i]} holds the model's score of each option of question i (logits
     * or probabilities; only their order matters), {@code gold[i]} the index of the right option. The chosen option
     * is the highest-scoring one, the first of equal maxima, as {@code argmax} does. Questions may have different
     * numbers of options.
     */
    public static double ofChoiceScores(double[][] choiceScores, int[] gold) {
        requireSameNonEmpty(gold.length, choiceScores.length);
        int[] chosen = new int[choiceScores.length];
        for (int i = 0; i < choiceScores.length; i++) chosen[i] = argmax(choiceScores[i], i);
        return of(gold, chosen);
    }

    static int argmax(double[] scores, int question) {
        if (scores.length == 0) throw new IllegalArgumentException("question " + question + " has no options");
        int best = 0;
        for (int j = 1; j < scores.length; j++) if (scores[j] > scores[best]) best = j;
        return best;
    }

    static void requireSameNonEmpty(int goldCount, int predictedCount) {
        if (goldCount != predictedCount) {
            throw new IllegalArgumentException(goldCount + " gold labels but " + predictedCount + " predictions");
        }
        if (goldCount == 0) throw new IllegalArgumentException("no examples to evaluate");
    }
}
