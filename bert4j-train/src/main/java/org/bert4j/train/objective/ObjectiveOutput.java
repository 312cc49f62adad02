package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * What one objective computes on one batch.
 *
 * @param loss scalar to back-propagate (already weighted and combined)
 * @param sums named scalar sums for metrics, summed (not averaged) over the batch so evaluation can add them
 *             across batches: e.g. {@code mlm_loss_sum}, {@code mlm_correct}, {@code mlm_count},
 *             {@code pair_loss_sum}, {@code pair_correct}, {@code pair_count}. Reading them syncs the device, so
 *             the loop does it only when it logs.
 */
public record ObjectiveOutput(NDArray loss, Map<String, NDArray> sums) {}
