package org.bert4j.train.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent, reproducible random streams keyed by (run seed, epoch, index): the one a
 * {@link SequenceSource} and a masker draw from for one sequence in one epoch, and the one a
 * {@link BatchPlanner} shuffles an epoch with. Keys are mixed with SplitMix64's finaliser (Steele et al. 2014)
 * so that neighbouring indices give unrelated streams; nothing depends on the order sequences are visited in, so a
 * resumed run draws exactly what an uninterrupted one would.
 */
public final class SequenceRandom {

    private SequenceRandom() {}

    public static RandomGenerator forSequence(long seed, int epoch, long index) {
        return new SplittableRandom(mix(mix(mix(seed) + epoch) + index));
    }

    public static RandomGenerator forEpoch(long seed, int epoch) {
        return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + epoch));
    }

    /** SplitMix64's output function: a bijection on 64 bits with full avalanche. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
