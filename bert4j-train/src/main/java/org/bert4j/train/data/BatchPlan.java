package org.bert4j.train.data;

import java.util.List;

/**
 * One epoch's batches, each a list of sequence indices, in the order they are trained on.
 *
 * @param realTokens the tokens of all sequences
 * @param slots      the token slots the batches take when each is padded to its longest sequence
 */
public record BatchPlan(List<int[]> batches, long realTokens, long slots) {

    public BatchPlan {
        batches = List.copyOf(batches);
    }

    /** Share of the computed token slots that hold real tokens; the rest is padding. 1 for an empty plan. */
    public double realTokenFraction() {
        return slots == 0 ? 1.0 : (double) realTokens / slots;
    }
}
