package org.bert4j.train.optim;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Updates parameters from their gradients ({@code parameter().value().getGradient()}), in place. State (moments,
 * step count) is exported by parameter path so a checkpoint can save it and a resumed run continue exactly.
 */
public interface Optimizer {

    /** One update with this learning rate (the schedule is the caller's). */
    void step(float learningRate);

    /**
     * Whether {@link #step} leaves every gradient at 0, so the caller need not clear them again: a pass over all
     * gradients costs ~0.5 s a step at BERT-base size on a 2-core machine, where memory-bound passes are slow.
     */
    default boolean clearsGradients() { return false; }

    /** Completed updates so far. */
    long steps();

    /** Moment tensors keyed {@code <path>.<name>} (e.g. {@code encoder.layers.0.attention.query.weight.m}). */
    Map<String, NDArray> state();

    /**
     * Restores what {@link #state()} returned, with the step count; a missing or mis-shaped key is an error. The
     * values are copied: the caller keeps (and closes) the arrays it passed.
     */
    void loadState(Map<String, NDArray> state, long steps);
}
