package org.bert4j.train.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.masking.MaskedSequence;
import org.junit.jupiter.api.Test;

/** Every array of a collated batch, written out by hand. */
class BatchCollatorTest {

    private static final int PAD = 7;

    @Test
    void padsToTheLongestAndFlattensMaskedPositions() {
        MaskedSequence a = new MaskedSequence(new int[] {1, 10, 4, 2}, new int[] {0, 0, 0, 0}, new int[] {2}, new int[] {11}, 1);
        MaskedSequence b = new MaskedSequence(new int[] {1, 4, 4, 2, 20, 2}, new int[] {0, 0, 0, 0, 1, 1},
                new int[] {1, 4}, new int[] {12, 21}, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingBatch batch = BatchCollator.collate(m, List.of(a, b), PAD);
            assertEquals(2, batch.batchSize());
            assertEquals(6, batch.length());
            assertArrayEquals(new long[] {1, 10, 4, 2, PAD, PAD, 1, 4, 4, 2, 20, 2}, batch.inputIds().toLongArray());
            assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, batch.typeIds().toLongArray());
            assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1}, batch.attentionMask().toLongArray());
            assertArrayEquals(new long[] {2, 6 + 1, 6 + 4}, batch.maskedIndex().toLongArray()); // b·T + t
            assertArrayEquals(new long[] {11, 12, 21}, batch.maskedLabels().toLongArray());
            assertArrayEquals(new long[] {1, 0}, batch.pairLabels().toLongArray());
            assertEquals(10, batch.realTokens());
            assertEquals(12, batch.slots());
            assertEquals(new LossDenominators(3, 2, 10), LossDenominators.of(batch));
        }
    }

    @Test
    void noMaskWithoutPaddingAndNoPairLabelsWithoutPairs() {
        int none = TrainingSequence.NO_PAIR_LABEL;
        MaskedSequence a = new MaskedSequence(new int[] {1, 5, 2}, new int[3], new int[] {1}, new int[] {6}, none);
        MaskedSequence b = new MaskedSequence(new int[] {1, 8, 2}, new int[3], new int[0], new int[0], none);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingBatch batch = BatchCollator.collate(m, List.of(a, b), PAD);
            assertNull(batch.attentionMask());
            assertNull(batch.pairLabels());
            assertArrayEquals(new long[] {1}, batch.maskedIndex().toLongArray());
            assertEquals(new LossDenominators(1, 0, 6), LossDenominators.of(batch));
        }
    }

    @Test
    void inconsistentBatchesAreRejected() {
        int none = TrainingSequence.NO_PAIR_LABEL;
        MaskedSequence labelled = new MaskedSequence(new int[] {1, 5, 2}, new int[3], new int[] {1}, new int[] {6}, 0);
        MaskedSequence unlabelled = new MaskedSequence(new int[] {1, 5, 2}, new int[3], new int[] {1}, new int[] {6}, none);
        MaskedSequence outside = new MaskedSequence(new int[] {1, 5, 2}, new int[3], new int[] {3}, new int[] {6}, none);
        MaskedSequence descending = new MaskedSequence(new int[] {1, 5, 2}, new int[3], new int[] {2, 1}, new int[] {6, 6}, none);
        MaskedSequence badLabel = new MaskedSequence(new int[] {1, 5, 2}, new int[3], new int[0], new int[0], 2);
        try (NDManager m = NDManager.newBaseManager()) {
            assertMessage(() -> BatchCollator.collate(m, List.of(labelled, unlabelled), PAD), "1 of 2 sequences");
            assertMessage(() -> BatchCollator.collate(m, List.of(outside), PAD), "inside the sequence");
            assertMessage(() -> BatchCollator.collate(m, List.of(descending), PAD), "ascending");
            assertMessage(() -> BatchCollator.collate(m, List.of(badLabel), PAD), "must be 0 or 1");
            assertMessage(() -> BatchCollator.collate(m, List.of(), PAD), "empty batch");
        }
    }

    private static void assertMessage(Runnable action, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
