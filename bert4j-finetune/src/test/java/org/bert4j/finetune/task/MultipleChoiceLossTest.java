package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multiple-choice loss against its formula in Java doubles on a batch of questions with 2, 4 and 3 options: each
 * question pays −log of its gold option's softmax over its own options only, the batch the mean; the gradient of a
 * row's score is (p − 1[gold]) / questions, so no probability leaks to the options a shorter question lacks.
 */
class MultipleChoiceLossTest {

    private static final double[][] SCORES = {{0.3, -1.2}, {2.0, 0.5, -0.7, 1.1}, {-0.4, 0.9, 0.2}};
    private static final int[] GOLD = {1, 3, 0};

    private static List<Feature<Integer>> batch() {
        List<Feature<Integer>> batch = new ArrayList<>();
        for (int q = 0; q < SCORES.length; q++) {
            // The rows' tokens do not matter to the loss, only how many there are.
            List<EncodedText> rows = Collections.nCopies(SCORES[q].length, new EncodedText(new long[] {2, 3}, new long[] {0, 0}));
            batch.add(new Feature<>(q, rows, GOLD[q]));
        }
        return batch;
    }

    private static double[] softmax(double[] s) {
        double sum = 0;
        for (double v : s) sum += Math.exp(v);
        double[] p = new double[s.length];
        for (int j = 0; j < s.length; j++) p[j] = Math.exp(s[j]) / sum;
        return p;
    }

    @Test
    void meanCrossEntropyOverEachQuestionsOwnOptions() {
        double expected = 0;
        List<Double> flat = new ArrayList<>();
        for (int q = 0; q < SCORES.length; q++) {
            expected -= Math.log(softmax(SCORES[q])[GOLD[q]]) / SCORES.length;
            for (double s : SCORES[q]) flat.add(s);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(flat.stream().mapToDouble(Double::doubleValue).toArray(), new Shape(flat.size(), 1));
            scores.setRequiresGradient(true);
            double[] gradient;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new MultipleChoice().loss(scores, batch());
                assertEquals(expected, loss.getDouble(), 1e-12);
                gc.backward(loss);
                gradient = scores.getGradient().toDoubleArray();
            }
            int row = 0;
            for (int q = 0; q < SCORES.length; q++) {
                double[] p = softmax(SCORES[q]);
                for (int j = 0; j < p.length; j++, row++) {
                    double want = (p[j] - (j == GOLD[q] ? 1 : 0)) / SCORES.length;
                    assertEquals(want, gradient[row], 1e-12, "question " + q + ", option " + j);
                }
            }
        }
    }

    @Test
    void aLoneQuestionIsPlainSoftmaxCrossEntropy() {
        // Two options: −log σ(s₁ − s₀) for gold 1, the logistic loss on the difference.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(new double[] {0.3, -1.2}, new Shape(2, 1));
            double loss = new MultipleChoice().loss(scores, batch().subList(0, 1)).getDouble();
            assertEquals(Math.log1p(Math.exp(0.3 + 1.2)), loss, 1e-12);
        }
    }
}
