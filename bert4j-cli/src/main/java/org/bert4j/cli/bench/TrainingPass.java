package org.bert4j.cli.bench;

/** A training step as a bench pass, keeping the loss of its first and latest step: each engine must be learning. */
public interface TrainingPass extends BenchPass {

    /**
     * Every step draws the same dropout masks: on the bench's one batch the loss then falls step by step, whatever
     * ran in the process before, so "first → last" shows an engine learning rather than dropout noise.
     */
    int DROPOUT_SEED = 7;

    /** Loss of the first step run, NaN before any. */
    float firstLoss();

    /** Loss of the latest step run, NaN before any. */
    float lastLoss();
}
