package org.bert4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {

    @Test
    void splitsEveryItemToExactlyOneSideInAscendingOrder() {
        HeldOutSplit split = HeldOutSplit.of(10_000, 0.05, 7);
        int[] all = IntStream.concat(IntStream.of(split.train()), IntStream.of(split.heldOut())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 10_000).toArray(), all);
        assertTrue(isAscending(split.train()) && isAscending(split.heldOut()));
    }

    /** Held-out size is Binomial(100000, 0.01): mean 1000, sd 31.5; 5 sd either side. */
    @Test
    void heldOutSizeFollowsTheFraction() {
        int held = HeldOutSplit.of(100_000, 0.01, 7).heldOut().length;
        assertTrue(Math.abs(held - 1000) <= 5 * Math.sqrt(100_000 * 0.01 * 0.99), "held out " + held);
    }

    /** Membership depends only on (seed, index): a longer corpus holds out the same early items, plus new ones. */
    @Test
    void membershipIsStableAsTheCorpusGrowsAndChangesWithTheSeed() {
        HeldOutSplit small = HeldOutSplit.of(1_000, 0.1, 7);
        HeldOutSplit large = HeldOutSplit.of(5_000, 0.1, 7);
        assertArrayEquals(small.heldOut(), IntStream.of(large.heldOut()).filter(i -> i < 1_000).toArray());
        assertArrayEquals(small.heldOut(), HeldOutSplit.of(1_000, 0.1, 7).heldOut());
        assertFalse(Arrays.equals(small.heldOut(), HeldOutSplit.of(1_000, 0.1, 8).heldOut()));
    }

    @Test
    void aTinyCorpusStillHoldsOneItemOut() {
        assertEquals(1, HeldOutSplit.of(3, 0.01, 7).heldOut().length);
        assertEquals(0, HeldOutSplit.of(3, 0.0, 7).heldOut().length);
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) if (a[i] <= a[i - 1]) return false;
        return true;
    }
}
