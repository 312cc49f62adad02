package org.bert4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    /** One window holds all four: sorted, they pair up as {10, 20} and {30, 40}: 100 real tokens in 2·20 + 2·40 slots. */
    @Test
    void realTokenFractionCountsPaddingToTheLongestOfEachBatch() {
        BatchPlan plan = new BatchPlanner(2, 2).plan(new int[] {40, 10, 30, 20}, 5, 0);
        assertEquals(100, plan.realTokens());
        assertEquals(120, plan.slots());
        assertEquals(100.0 / 120, plan.realTokenFraction(), 1e-12);
        List<String> batches = plan.batches().stream().map(b -> {
            int[] sorted = b.clone();
            Arrays.sort(sorted);
            return Arrays.toString(sorted);
        }).sorted().toList();
        assertEquals(List.of("[0, 2]", "[1, 3]"), batches);
    }

    @Test
    void everySequenceOnceAndOnlyTheLastBatchShort() {
        int[] lengths = new SplittableRandom(3).ints(10_007, 5, 129).toArray();
        BatchPlan plan = new BatchPlanner(32).plan(lengths, 11, 4);
        int[] seen = new int[lengths.length];
        int shortBatches = 0;
        for (int[] batch : plan.batches()) {
            for (int i : batch) seen[i]++;
            if (batch.length < 32) shortBatches++;
        }
        int[] once = new int[lengths.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
        assertEquals(1, shortBatches, "10,007 = 312 · 32 + 23");
        assertEquals(313, plan.batches().size());
    }

    @Test
    void plansAreReproduciblePerEpochAndDifferBetweenEpochs() {
        int[] lengths = new SplittableRandom(3).ints(5_000, 5, 129).toArray();
        BatchPlanner planner = new BatchPlanner(32);
        assertEquals(flatten(planner.plan(lengths, 11, 0)), flatten(planner.plan(lengths, 11, 0)));
        assertNotEquals(flatten(planner.plan(lengths, 11, 0)), flatten(planner.plan(lengths, 11, 1)));
        assertNotEquals(flatten(planner.plan(lengths, 11, 0)), flatten(planner.plan(lengths, 12, 0)));
    }

    /**
     * Uniform lengths in [5, 128] batched at random waste about a quarter of the slots (the expected maximum of
     * 32 draws is near 125 against a mean of 66); sorted within windows of 50 batches, a batch spans about
     * 124/50 ≈ 2.5 length units, so at most a few percent are padding.
     */
    @Test
    void bucketingRemovesAlmostAllPadding() {
        int[] lengths = new SplittableRandom(3).ints(32_000, 5, 129).toArray();
        double random = new BatchPlanner(32, 1).plan(lengths, 1, 0).realTokenFraction();
        double bucketed = new BatchPlanner(32).plan(lengths, 1, 0).realTokenFraction();
        assertTrue(random < 0.6, "one batch per window is no sorting: " + random);
        assertTrue(bucketed > 0.97, "bucketed: " + bucketed);
    }

    private static String flatten(BatchPlan plan) {
        StringBuilder b = new StringBuilder();
        for (int[] batch : plan.batches()) b.append(Arrays.toString(batch));
        return b.toString();
    }
}
