package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.Activation;

/** GLU feed-forward (Shazeer, "GLU Variants Improve Transformer"): W2·(act(W1·x) ⊙ W3·x). */
public final class GatedFeedForward extends FeedForwardBlock {

    private final Activation activation;
    private final Linear input;
    private final Linear gate;
    private final Linear output;

    public GatedFeedForward(int hidden, int intermediate, Activation activation, boolean bias) {
        this.activation = activation;
        this.input = addChild("input", new Linear(hidden, intermediate, bias));
        this.gate = addChild("gate", new Linear(hidden, intermediate, bias));
        this.output = addChild("output", new Linear(intermediate, hidden, bias));
    }

    @Override
    public NDArray forward(NDArray x) {
        return output.forward(Activations.apply(activation, input.forward(x)).mul(gate.forward(x))); // (B, T, d)
    }

    @Override
    public String describe() {
        return "GatedFeedForward(" + activation.hfName() + ")";
    }
}
