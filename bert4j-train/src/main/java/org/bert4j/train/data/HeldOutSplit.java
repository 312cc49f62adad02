package org.bert4j.train.data;

import java.util.stream.IntStream;

/**
 * A deterministic train / held-out split of items (documents, or sequences) for evaluating held-out MLM loss.
 * Item {@code i} is held out when a hash of (seed, i), read as a fraction of 2^64, is below
 * {@code heldOutFraction}: whether an item is held out depends on nothing else, so the same seed gives the same
 * split in every run, and growing a corpus never moves an evaluation item into the training set. The held-out
 * size is therefore Binomial(n, fraction), not exact; when that comes out 0 for a non-zero fraction (a tiny
 * corpus), the item with the smallest hash is held out so there is always something to evaluate.
 *
 * @param train   ascending indices to train on
 * @param heldOut ascending indices to evaluate on
 */
public record HeldOutSplit(int[] train, int[] heldOut) {

    public static HeldOutSplit of(int items, double heldOutFraction, long seed) {
        if (items < 0) throw new IllegalArgumentException("item count must not be negative, got " + items);
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
        boolean[] held = new boolean[items];
        int smallest = -1;
        for (int i = 0; i < items; i++) {
            double u = (hash(seed, i) >>> 11) * 0x1.0p-53; // the top 53 bits as a double in [0, 1)
            held[i] = u < heldOutFraction;
            if (smallest < 0 || Long.compareUnsigned(hash(seed, i), hash(seed, smallest)) < 0) smallest = i;
        }
        boolean none = IntStream.range(0, items).noneMatch(i -> held[i]);
        if (none && heldOutFraction > 0 && items > 1) held[smallest] = true;
        return new HeldOutSplit(IntStream.range(0, items).filter(i -> !held[i]).toArray(),
                IntStream.range(0, items).filter(i -> held[i]).toArray());
    }

    private static long hash(long seed, int index) {
        return SequenceRandom.mix(SequenceRandom.mix(seed) ^ index);
    }
}
