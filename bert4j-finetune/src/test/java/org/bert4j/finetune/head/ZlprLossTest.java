package org.bert4j.finetune.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import org.bert4j.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * ZLPR against its formula in Java doubles, log(1 + Σ_{y=0} e^{s}) + log(1 + Σ_{y=1} e^{−s}) summed naively (the
 * scores are small, so the naive sums are exact enough), on rows with mixed labels, no positives and all positives.
 */
class ZlprLossTest {

    private static final int ROWS = 6;
    private static final int LABELS = 5;

    private static double formula(double[] s, int[] y, int row) {
        double negatives = 1;
        double positives = 1;
        for (int c = 0; c < LABELS; c++) {
            int i = row * LABELS + c;
            if (y[i] == 1) positives += Math.exp(-s[i]); else negatives += Math.exp(s[i]);
        }
        return Math.log(negatives) + Math.log(positives);
    }

    /** Random targets, with row 0 all negative and row 1 all positive. */
    private static int[] targets(Random random) {
        int[] y = new int[ROWS * LABELS];
        for (int i = 2 * LABELS; i < y.length; i++) y[i] = random.nextInt(3) == 0 ? 1 : 0;
        for (int c = 0; c < LABELS; c++) y[LABELS + c] = 1;
        return y;
    }

    @Test
    void matchesFormula() {
        Random random = new Random(1);
        double[] s = GradientCheck.gaussian(random, ROWS * LABELS, 3);
        int[] y = targets(random);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(s, new Shape(ROWS, LABELS));
            NDArray gold = m.create(y, new Shape(ROWS, LABELS));
            double[] perRow = ZlprLoss.perRow(scores, gold).toDoubleArray();
            double mean = 0;
            for (int r = 0; r < ROWS; r++) {
                assertEquals(formula(s, y, r), perRow[r], 1e-12, "row " + r);
                mean += formula(s, y, r) / ROWS;
            }
            assertEquals(mean, ZlprLoss.loss(scores, gold).getDouble(), 1e-12);
            // Targets as booleans, scores in float32: same numbers.
            NDArray loss32 = ZlprLoss.loss(scores.toType(DataType.FLOAT32, false), gold.toType(DataType.BOOLEAN, false));
            assertEquals(mean, loss32.getFloat(), 1e-5 * mean);
        }
    }

    @Test
    void stableForLargeScores() {
        // e^{±800} overflows doubles; the loss is still finite: a wrong label costs about its margin.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(new double[] {800, -800, 800, -800}, new Shape(2, 2));
            NDArray gold = m.create(new int[] {1, 0, 0, 1}, new Shape(2, 2));
            double[] perRow = ZlprLoss.perRow(scores, gold).toDoubleArray();
            assertEquals(0.0, perRow[0], 1e-12);             // both right by 800
            assertEquals(1600.0, perRow[1], 1e-9);          // both wrong by 800: log(1 + e^800) + log(1 + e^800)
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random random = new Random(2);
        int[] y = targets(random);
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter scores = GradientCheck.tensor(m, GradientCheck.gaussian(random, ROWS * LABELS, 2), ROWS, LABELS);
            NDArray gold = m.create(y, new Shape(ROWS, LABELS));
            GradientCheck.check(m, Map.of("scores", scores), () -> ZlprLoss.loss(scores.value(), gold), "ZLPR");
        }
    }

    @Test
    void predictsAboveZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray predicted = ZlprLoss.predict(m.create(new float[] {-0.5f, 0f, 0.25f, 3f}));
            assertArrayEquals(new boolean[] {false, false, true, true}, predicted.toBooleanArray());
            assertTrue(predicted.getDataType() == DataType.BOOLEAN);
        }
    }
}
