package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void fractionOfEqualLabels() {
        // positions 0, 2, 3 agree: 3 / 5
        assertEquals(0.6, Accuracy.of(new int[] {0, 1, 2, 1, 0}, new int[] {0, 2, 2, 1, 1}), 1e-12);
    }

    @Test
    void multipleChoicePicksTheFirstHighestScoringOption() {
        double[][] scores = {
            {0.1, 0.7, 0.2},        // chooses 1, gold 1: right
            {2.0, 1.0},             // chooses 0, gold 1: wrong
            {0.3, 0.3, 0.1, 0.0},   // tie between 0 and 1: first wins, gold 0: right
        };
        // 2 right of 3
        assertEquals(2.0 / 3, Accuracy.ofChoiceScores(scores, new int[] {1, 1, 0}), 1e-12);
    }

    @Test
    void refusesEmptyOrMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[] {1}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Accuracy.ofChoiceScores(new double[][] {{}}, new int[] {0}));
    }
}
