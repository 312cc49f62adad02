package org.bert4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.List;

/**
 * LAMB (You et al. 2019, "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes", Algorithm 2):
 * r = m̂/(√v̂ + ε) + λ·x, then x ← x − lr·(‖x‖/‖r‖)·r per parameter tensor. The trust ratio ‖x‖/‖r‖ makes each
 * tensor move by about lr times its own norm whatever its gradient scale, which is what lets large batches keep
 * a large learning rate. φ is the identity; the ratio is 1 when ‖x‖ = 0 (a fresh zero bias) or ‖r‖ = 0.
 *
 * <p>The ratio applies to every tensor, biases and norm gains included, as in the paper and bert4keras's
 * {@code extend_with_layer_adaptation} that RoFormerV2 and GAU-α were trained with ({@link AdamSettings#roformerV2()});
 * Google's ALBERT LAMB exempts the no-decay tensors instead.
 */
public final class Lamb extends MomentOptimizer {

    public Lamb(List<TrainableParameter> parameters, AdamSettings settings) {
        super(parameters, settings);
    }

    @Override
    void update(NDArray x, NDArray m, NDArray v, double learningRate, double weightDecay, double c1, double c2) {
        NDArray r = adamDirection(m, v, c1, c2, 1); // m̂/(√v̂ + ε)
        if (weightDecay > 0) r.addi(x.mul(weightDecay));
        NDArray xNorm = x.norm(); // () — stays on the device: no host read per tensor
        NDArray rNorm = r.norm();
        NDArray ratio = NDArrays.where(xNorm.gt(0).logicalAnd(rNorm.gt(0)), xNorm.div(rNorm), xNorm.onesLike());
        x.subi(r.muli(ratio.muli(learningRate)));
    }

    @Override
    void fusedUpdate(FusedMoments.Tensor t, double learningRate, double weightDecay, double c1, double c2) {
        FusedMoments.lamb(t, FusedMoments.Coefficients.of(settings(), c1, c2, 1), (float) weightDecay, (float) learningRate);
    }
}
