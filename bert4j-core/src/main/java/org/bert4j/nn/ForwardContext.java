package org.bert4j.nn;

import ai.djl.ndarray.NDManager;

/**
 * Run-time settings of one forward pass.
 *
 * @param training        dropout on when true
 * @param residualScale   α in x = Norm(x + α·F(x)): 1 except during RoFormerV2's warm-up from scratch
 * @param dropoutMasks    where a training pass draws its dropout masks; null for the engine's own dropout
 * @param sparseGradients where a training pass records token-table lookups whose gradient the training loop adds
 *                        row by row after backward; null for autograd's dense table gradient
 */
public record ForwardContext(boolean training, float residualScale, DropoutMasks dropoutMasks,
                             SparseTableGradients sparseGradients) {

    public static final ForwardContext INFERENCE = new ForwardContext(false, 1f, null, null);

    /** A training pass whose masks are seeded from the engine's generator; dense table gradients. */
    public static ForwardContext training(float residualScale, NDManager manager) {
        return new ForwardContext(true, residualScale, DropoutMasks.fromEngine(manager), null);
    }
}
