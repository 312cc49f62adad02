package org.bert4j.finetune.train;

import org.bert4j.train.optim.LearningRateSchedule;

/**
 * How the fine-tuning loop runs.
 *
 * @param epochs         passes over the training features
 * @param batchSize      features per micro-batch
 * @param accumulation   micro-batches per optimiser step
 * @param evalBatchSize  features per evaluation batch
 * @param learningRate   peak rate, times {@code schedule}
 * @param clipNorm       global gradient-norm limit, 0 = off
 * @param seed           batch order per epoch and dropout per step come from it
 * @param logEvery       steps between metrics lines
 * @param evalEvery      steps between dev evaluations, 0 = at the end of every epoch (always at the last step)
 * @param metric         the dev metric that picks {@code best/} and drives early stopping
 * @param patience       evaluations without improvement before stopping, 0 = never stop early
 */
public record FineTuneSettings(int epochs, int batchSize, int accumulation, int evalBatchSize, double learningRate,
                               LearningRateSchedule schedule, double clipNorm, long seed, long logEvery, long evalEvery,
                               String metric, int patience) {

    public FineTuneSettings {
        if (epochs < 1 || batchSize < 1 || accumulation < 1 || evalBatchSize < 1 || logEvery < 1 || evalEvery < 0 || patience < 0) {
            throw new IllegalArgumentException("invalid loop settings " + epochs + "/" + batchSize + "/" + accumulation + "/"
                    + evalBatchSize + "/" + logEvery + "/" + evalEvery + "/" + patience);
        }
    }

    /** Optimiser steps in one epoch: micro-batches of {@code batchSize}, grouped by {@code accumulation} (the last group may be short). */
    public static long stepsPerEpoch(int features, int batchSize, int accumulation) {
        long batches = (features + batchSize - 1) / batchSize;
        return (batches + accumulation - 1) / accumulation;
    }
}
