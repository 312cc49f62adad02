package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.Activation;

/** The HF activations as functions of an NDArray (MODELS.md section 1). */
public final class Activations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private Activations() {}

    public static NDArray apply(Activation activation, NDArray x) {
        return switch (activation) {
            case GELU -> x.getNDArrayInternal().gelu(); // torch.gelu, erf form
            case GELU_TANH -> geluTanh(x);
            case RELU -> ai.djl.nn.Activation.relu(x);
            case SWISH -> x.mul(ai.djl.nn.Activation.sigmoid(x));
            case TANH -> x.tanh();
            case LINEAR -> x;
        };
    }

    /** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), HF's {@code gelu_new}. */
    private static NDArray geluTanh(NDArray x) {
        NDArray cube = x.pow(Scalars.like(x, 3));
        NDArray inner = x.add(cube.mul(Scalars.like(x, 0.044715))).mul(Scalars.like(x, SQRT_2_OVER_PI));
        return x.mul(inner.tanh().add(1)).mul(Scalars.like(x, 0.5));
    }
}
