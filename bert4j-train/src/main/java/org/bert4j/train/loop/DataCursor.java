package org.bert4j.train.loop;

import java.util.List;

/**
 * Where the loop is in the data: the epoch and the index of the next micro-batch in that epoch's plan. It is
 * all a checkpoint needs to continue with exactly the batches an uninterrupted run would see.
 */
public final class DataCursor {

    /** A micro-batch: its position and the sequence indices in it. */
    public record Batch(int epoch, int index, int[] sequences) {}

    private final BatchPlans plans;
    private int epoch;
    private int index;
    private List<int[]> plan;

    public DataCursor(BatchPlans plans, int epoch, int index) {
        this.plans = plans;
        this.epoch = epoch;
        this.index = index;
        this.plan = planOf(epoch);
        if (index > plan.size()) {
            throw new IllegalArgumentException("data position " + epoch + "/" + index + " is past the epoch's "
                    + plan.size() + " batches: the corpus or batch settings changed since the checkpoint");
        }
    }

    public Batch next() {
        if (index == plan.size()) {
            epoch++;
            index = 0;
            plan = planOf(epoch);
        }
        Batch b = new Batch(epoch, index, plan.get(index));
        index++;
        return b;
    }

    public int epoch() { return epoch; }

    /** The index of the next micro-batch within {@link #epoch()}. */
    public int index() { return index; }

    private List<int[]> planOf(int e) {
        List<int[]> p = plans.plan(e);
        if (p.isEmpty()) throw new IllegalStateException("epoch " + e + " has no batches: the corpus is empty");
        return p;
    }
}
