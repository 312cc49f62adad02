/**
 * The fine-tuning loop ({@link org.bert4j.finetune.train.FineTuningLoop}) and what it adds to the pre-training
 * machinery it reuses (bucketed batch plans, seeds, clipping, AdamW/LAMB, schedules, metrics, checkpoints):
 * layer-wise learning-rate decay ({@link org.bert4j.finetune.train.LayerwiseLearningRates}), an exponential
 * moving average of the weights ({@link org.bert4j.finetune.train.ExponentialMovingAverage}), dev evaluation
 * ({@link org.bert4j.finetune.train.Evaluator}), early stopping ({@link org.bert4j.finetune.train.EarlyStopping})
 * and exact resumption ({@link org.bert4j.finetune.train.FineTuneCheckpoints},
 * {@link org.bert4j.finetune.train.FineTuneState}).
 */
package org.bert4j.finetune.train;
