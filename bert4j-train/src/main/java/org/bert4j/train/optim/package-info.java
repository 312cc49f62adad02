/**
 * Optimisers and what surrounds an update (MODELS.md section 3): {@link org.bert4j.train.optim.AdamW} and
 * {@link org.bert4j.train.optim.Lamb} over Adam's two moments, which parameters get weight decay
 * ({@link org.bert4j.train.optim.TrainableParameters}), a per-parameter learning-rate scale (layer-wise decay in
 * fine-tuning; {@link org.bert4j.train.optim.TrainableParameter}), learning-rate schedules
 * ({@link org.bert4j.train.optim.Schedule}), global-norm clipping and gradient bookkeeping
 * ({@link org.bert4j.train.optim.GradientClipping}, {@link org.bert4j.train.optim.Gradients}). Every update runs
 * on the engine with in-place NDArray ops and no device→host read.
 */
package org.bert4j.train.optim;
