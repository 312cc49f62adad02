package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.Activation;

/** W2·act(W1·x + b1) + b2 (HF {@code intermediate.dense} and {@code output.dense}). */
public final class DenseFeedForward extends FeedForwardBlock {

    private final Activation activation;
    private final Linear input;
    private final Linear output;

    public DenseFeedForward(int hidden, int intermediate, Activation activation, boolean bias) {
        this.activation = activation;
        this.input = addChild("input", new Linear(hidden, intermediate, bias));
        this.output = addChild("output", new Linear(intermediate, hidden, bias));
    }

    @Override
    public NDArray forward(NDArray x) {
        return output.forward(Activations.apply(activation, input.forward(x))); // (B, T, d)
    }

    @Override
    public String describe() {
        return "DenseFeedForward(" + activation.hfName() + ")";
    }
}
