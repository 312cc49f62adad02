package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

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

    /**
     * A table of multiple-choice accuracy per number of options (C3 mixes 2, 3 and 4), each beside its chance level
     * 1/k, and a last row over all questions whose chance is the mean of 1/k: without it a score on a set of mostly
     * two-option questions would look better than it is.
     *
     * @param options the number of options of each question
     */
    public static String byOptionCount(int[] options, int[] gold, int[] chosen) {
        requireSameNonEmpty(gold.length, chosen.length);
        requireSameNonEmpty(gold.length, options.length);
        TreeMap<Integer, int[]> counts = new TreeMap<>(); // k → {questions, correct}
        double chance = 0;
        for (int i = 0; i < gold.length; i++) {
            int[] c = counts.computeIfAbsent(options[i], k -> new int[2]);
            c[0]++;
            if (gold[i] == chosen[i]) c[1]++;
            chance += 1.0 / options[i];
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("options", "questions", "accuracy", "chance"));
        counts.forEach((k, c) -> rows.add(List.of(Integer.toString(k), Integer.toString(c[0]),
                TextTable.fixed4((double) c[1] / c[0]), TextTable.fixed4(1.0 / k))));
        rows.add(List.of("all", Integer.toString(gold.length), TextTable.fixed4(of(gold, chosen)),
                TextTable.fixed4(chance / gold.length)));
        return TextTable.render(rows);
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
