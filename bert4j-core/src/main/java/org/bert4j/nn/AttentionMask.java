package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * A padding mask in the three forms the normalisers need, built once per forward pass from the (B, T) 0/1
 * {@code attention_mask}.
 *
 * @param additive  (B, 1, 1, T): 0 where a key is real, a large negative number where it is padding
 * @param keep      (B, 1, 1, T): 1 / 0 in the compute type
 * @param keyCounts (B, 1, 1, 1): the number of real keys per sequence (softmax_plus, squared_relu)
 * @param padded    whether any key is padding; when none is, {@link #addInPlace} and {@link #keepReal} skip their pass
 *                  over the (B, h, T, T) scores, which would change nothing (packed pre-training batches are
 *                  mostly full)
 */
public record AttentionMask(NDArray additive, NDArray keep, NDArray keyCounts, boolean padded) {

    /** Large enough to zero a softmax weight, small enough to stay finite in float16. */
    static final float MASKED_SCORE = -30000f;

    public static AttentionMask of(NDArray attentionMask, DataType computeType) {
        NDArray keep = attentionMask.toType(computeType, false).expandDims(1).expandDims(1); // (B, 1, 1, T)
        NDArray additive = keep.sub(1).mul(-MASKED_SCORE); // (B, 1, 1, T)
        NDArray counts = keep.sum(new int[] {-1}, true); // (B, 1, 1, 1)
        boolean padded = attentionMask.min().toType(DataType.FLOAT64, false).getDouble() == 0;
        return new AttentionMask(additive, keep, counts, padded);
    }

    /**
     * Adds the additive mask into {@code scores} (B, h, Tq, Tk) itself and returns them: no second array of their
     * size. Safe under autograd for scores no op saved for its backward (a matmul's output: matmul keeps its inputs).
     */
    public NDArray addInPlace(NDArray scores) {
        return padded ? scores.addi(additive) : scores;
    }

    /** x with the padding keys' columns zeroed (B, h, Tq, Tk); x itself when no key is padding. */
    public NDArray keepReal(NDArray x) {
        return padded ? x.mul(keep) : x;
    }
}
