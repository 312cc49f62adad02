package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.Activation;
import org.bert4j.nn.Activations;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Module;

/**
 * ELECTRA's discriminator head (HF {@code ElectraDiscriminatorPredictions}): one logit per token,
 * prediction(act(dense(h))), positive for "replaced".
 */
public final class ReplacedTokenDetectionHead extends Module {

    private final Activation activation;
    private final Linear dense;
    private final Linear prediction;

    public ReplacedTokenDetectionHead(int hidden, Activation activation) {
        this.activation = activation;
        this.dense = addChild("dense", new Linear(hidden, hidden, true));
        this.prediction = addChild("prediction", new Linear(hidden, 1, true));
    }

    /** (..., d) → (...) logits. */
    public NDArray logits(NDArray hidden) {
        NDArray h = Activations.apply(activation, dense.forward(hidden)); // (..., d)
        return prediction.forward(h).squeeze(-1); // (...)
    }

    @Override
    public String describe() {
        return "ReplacedTokenDetectionHead(dense → " + activation.hfName() + " → 1 logit per token)";
    }
}
