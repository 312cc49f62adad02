package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Module;

/** tanh(W·h_CLS + b): the first token's state, as BERT's NSP and sequence classifiers read it. */
public final class Pooler extends Module {

    private final Linear dense;

    public Pooler(int hidden) {
        this.dense = addChild("dense", new Linear(hidden, hidden, true));
    }

    /** (B, T, d) → (B, d). */
    public NDArray forward(NDArray hidden) {
        return dense.forward(hidden.get(":, 0, :")).tanh();
    }

    @Override
    public String describe() {
        return "Pooler(tanh, first token)";
    }
}
