package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    private static final double EPS = 1e-12;
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 4, 5, 4, 5};

    /*
     * mean x = 3, mean y = 4; dx = -2 -1 0 1 2; dy = -2 0 1 0 1
     * Σdxdy = 4 + 0 + 0 + 0 + 2 = 6; Σdx² = 10; Σdy² = 4 + 0 + 1 + 0 + 1 = 6
     * r = 6 / √60 = 0.774596…
     */
    @Test
    void pearsonByHand() {
        assertEquals(6 / Math.sqrt(60), Correlation.pearson(X, Y), EPS);
    }

    /*
     * ranks of y = 2 4 5 4 5: 2 is 1st; the two 4s share positions 2, 3 -> 2.5; the two 5s positions 4, 5 -> 4.5
     * ranks y = 1 2.5 4.5 2.5 4.5 (mean 3): d = -2 -0.5 1.5 -0.5 1.5; ranks x = 1..5: d = -2 -1 0 1 2
     * Σ = 4 + 0.5 + 0 - 0.5 + 3 = 7; Σdx² = 10; Σdy² = 4 + 0.25 + 2.25 + 0.25 + 2.25 = 9
     * ρ = 7 / √90 = 0.737865… (SciPy's spearmanr gives the same)
     */
    @Test
    void spearmanGivesTiesTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 4.5, 2.5, 4.5}, Correlation.averageRanks(Y), EPS);
        // 7 5 9 7 7: 5 is 1st, the three 7s share 2, 3, 4 -> 3, 9 is 5th
        assertArrayEquals(new double[] {3, 1, 5, 3, 3}, Correlation.averageRanks(new double[] {7, 5, 9, 7, 7}), EPS);
        assertEquals(7 / Math.sqrt(90), Correlation.spearman(X, Y), EPS);
    }

    @Test
    void spearmanIsOneForAnyIncreasingRelationPearsonIsNot() {
        double[] cubes = {1, 8, 27, 64};
        double[] x = {1, 2, 3, 4};
        assertEquals(1.0, Correlation.spearman(x, cubes), EPS);
        assertTrue(Correlation.pearson(x, cubes) < 0.99);
        assertEquals(-1.0, Correlation.spearman(x, new double[] {64, 27, 8, 1}), EPS);
        assertEquals(-1.0, Correlation.pearson(x, new double[] {8, 6, 4, 2}), EPS);
    }

    /** A constant side has no variance: NaN, as SciPy; fewer than 2 pairs or bad input: an exception. */
    @Test
    void constantInputIsNaNAndTooLittleInputThrows() {
        double[] constant = {0.1, 0.1, 0.1}; // its floating mean is not exactly 0.1; must still be NaN
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 2, 3}, constant)));
        assertTrue(Double.isNaN(Correlation.spearman(constant, new double[] {1, 2, 3})));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.spearman(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }
}
