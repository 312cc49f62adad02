package org.bert4j.train.loop;

import org.bert4j.train.data.SequenceRandom;

/**
 * Every random draw of a run comes from the run seed and where it happens, never from a generator's history:
 * masks and pairs from (epoch, sequence) through {@link SequenceRandom}, batch order from the epoch, dropout from
 * (step, micro-batch). A run resumed at any step draws what an uninterrupted one would.
 */
public final class Seeds {

    /** The epoch under which held-out masks are drawn: always the same, so evaluations compare like with like. */
    public static final int HELD_OUT_EPOCH = -1;

    private Seeds() {}

    /** The engine seed (dropout) for one micro-batch of one optimiser step. */
    public static int forDropout(long seed, long step, int microBatch) {
        long h = SequenceRandom.forSequence(seed ^ 0xD809_D809L, microBatch, step).nextLong();
        return (int) (h ^ (h >>> 32));
    }
}
