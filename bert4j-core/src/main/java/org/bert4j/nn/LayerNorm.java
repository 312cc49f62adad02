package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** (x − mean)/sqrt(var + eps)·γ + β over the last axis, through the engine's fused kernel. */
public final class LayerNorm extends Norm {

    private final int dim;
    private final double eps;
    private final Parameter gain;
    private final Parameter bias;

    public LayerNorm(int dim, double eps) {
        this.dim = dim;
        this.eps = eps;
        this.gain = addParameter("weight", new Parameter(new Shape(dim), Parameter.Init.ONES));
        this.bias = addParameter("bias", new Parameter(new Shape(dim), Parameter.Init.ZEROS));
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal()
                .layerNorm(x, new Shape(dim), gain.value(), bias.value(), (float) eps)
                .singletonOrThrow();
    }

    @Override
    public String describe() {
        return "LayerNorm(" + dim + ", eps=" + eps + ")";
    }
}
