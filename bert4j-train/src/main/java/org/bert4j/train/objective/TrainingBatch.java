package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;

/**
 * A collated batch on the engine.
 *
 * @param inputIds      (B, T) int64, padded to the longest sequence of the batch
 * @param typeIds       (B, T) int64
 * @param attentionMask (B, T) int64, 1 = real token; null when no row is padded
 * @param maskedIndex   (M) int64 flat indices {@code b·T + t} of the positions MLM predicts
 * @param maskedLabels  (M) int64 original tokens at those positions
 * @param pairLabels    (B) int64 NSP/SOP labels, or null when the batch has none
 * @param realTokens    number of non-padding token slots (for tokens/s and the padding ratio)
 * @param slots         B · T
 */
public record TrainingBatch(NDArray inputIds, NDArray typeIds, NDArray attentionMask, NDArray maskedIndex,
                            NDArray maskedLabels, NDArray pairLabels, int realTokens, int slots) {

    public long batchSize() { return inputIds.getShape().get(0); }

    public long length() { return inputIds.getShape().get(1); }
}
