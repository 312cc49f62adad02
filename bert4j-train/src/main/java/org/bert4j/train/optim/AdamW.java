package org.bert4j.train.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization"):
 * x ← x − lr·λ·x − lr·m̂/(√v̂ + ε). The decay shrinks x directly instead of being added to the gradient, so Adam's
 * per-coordinate scaling does not weaken it where gradients are large. As PyTorch's and HF's AdamW, λ is
 * multiplied by the scheduled learning rate; with bias correction off (Google's BERT optimiser) m̂ = m, v̂ = v.
 */
public final class AdamW extends MomentOptimizer {

    public AdamW(List<TrainableParameter> parameters, AdamSettings settings) {
        super(parameters, settings);
    }

    @Override
    void update(NDArray x, NDArray m, NDArray v, double learningRate, double weightDecay, double c1, double c2) {
        NDArray step = adamDirection(m, v, c1, c2, learningRate); // lr·m̂/(√v̂ + ε)
        if (weightDecay > 0) x.muli(1 - learningRate * weightDecay);
        x.subi(step);
    }

    @Override
    void fusedUpdate(FusedMoments.Tensor t, double learningRate, double weightDecay, double c1, double c2) {
        FusedMoments.adamW(t, FusedMoments.Coefficients.of(settings(), c1, c2, learningRate),
                (float) (1 - learningRate * weightDecay), weightDecay > 0);
    }
}
