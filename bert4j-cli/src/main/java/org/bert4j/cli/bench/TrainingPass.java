package org.bert4j.cli.bench;

/** A training step as a bench pass, keeping the loss of its first and latest step: each engine must be learning. */
public interface TrainingPass extends BenchPass {

    /** Loss of the first step run, NaN before any. */
    float firstLoss();

    /** Loss of the latest step run, NaN before any. */
    float lastLoss();
}
