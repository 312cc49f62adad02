package org.bert4j.train.optim;

/** The learning-rate multiplier at an optimiser step (0-based); the loop multiplies the peak rate by it. */
@FunctionalInterface
public interface LearningRateSchedule {

    double multiplier(long step);
}
