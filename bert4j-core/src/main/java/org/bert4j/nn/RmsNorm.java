package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * x / sqrt(mean(x²) + eps), optionally times a gain. RoFormerV2 and GAU-α use it without gain or offset
 * (bert4keras {@code LayerNormalization(zero_mean=False, scale=False, offset=False)}), eps 1e-7 inside the root.
 */
public final class RmsNorm extends Norm {

    private final int dim;
    private final double eps;
    private final Parameter gain;

    public RmsNorm(int dim, double eps, boolean withGain) {
        this.dim = dim;
        this.eps = eps;
        this.gain = withGain ? addParameter("weight", new Parameter(new Shape(dim), Parameter.Init.ONES)) : null;
    }

    @Override
    public NDArray forward(NDArray x) {
        // mean(x²) from the fused L2 norm: one pass over x forward and one back, where square-then-mean takes two
        // each way; squaring the norm again only touches the (..., 1) column.
        NDArray meanSquare = x.norm(new int[] {-1}, true).square().div(Scalars.like(x, dim)); // (..., 1)
        NDArray y = x.mul(meanSquare.add(eps).pow(Scalars.like(x, -0.5)));
        return gain == null ? y : y.mul(gain.value());
    }

    @Override
    public String describe() {
        return "RmsNorm(" + dim + ", eps=" + eps + (gain == null ? ", no gain)" : ", gain)");
    }
}
