package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** y = x·Wᵀ + b with W stored [out, in] as in HF checkpoints; one fused {@code torch.linear} call. */
public final class Linear extends Module {

    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    public Linear(int in, int out, boolean bias) {
        this.in = in;
        this.out = out;
        this.weight = addParameter("weight", new Parameter(new Shape(out, in), Parameter.Init.RANDOM));
        this.bias = bias ? addParameter("bias", new Parameter(new Shape(out), Parameter.Init.ZEROS)) : null;
    }

    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal()
                .linear(x, weight.value(), bias == null ? null : bias.value())
                .singletonOrThrow(); // (..., out)
    }

    public Parameter weight() { return weight; }

    @Override
    public String describe() {
        return "Linear(" + in + " → " + out + (bias == null ? ", no bias)" : ", bias)");
    }
}
