package org.bert4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Clipping by the global norm of all gradients together (Pascanu et al. 2013; BERT clips at 1.0): every gradient
 * is multiplied by min(1, maxNorm / (‖g‖ + 1e-6)), which keeps the update's direction. DJL's own clipping is
 * element-wise, which changes the direction.
 */
public final class GradientClipping {

    /** Added to the norm as PyTorch's {@code clip_grad_norm_} does, so an all-zero gradient gives a finite factor. */
    static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {}

    /**
     * Clips in place and returns the norm before clipping, a () array in {@code scope}. Nothing is read back to
     * the host: one norm per tensor, one norm of those norms, and the factor is applied unconditionally (it is
     * exactly 1 when no clipping is needed, so small gradients are left bit-for-bit unchanged). The loop reads
     * the returned norm only when it logs.
     */
    public static NDArray clipGlobalNorm(List<TrainableParameter> parameters, double maxNorm, NDManager scope) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("max norm must be > 0, got " + maxNorm);
        if (parameters.isEmpty()) throw new IllegalArgumentException("no parameters to clip");
        NDArray[] gradients = new NDArray[parameters.size()];
        NDList norms = new NDList(parameters.size());
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = Gradients.view(parameters.get(i).parameter(), scope);
            norms.add(gradients[i].norm()); // ()
        }
        NDArray total = NDArrays.stack(norms).norm(); // ‖(‖g_1‖, ..., ‖g_n‖)‖ = ‖g‖
        NDArray factor = total.add(NORM_EPSILON).pow(-1).muli(maxNorm).minimum(1);
        for (NDArray g : gradients) g.muli(factor.toType(g.getDataType(), false));
        return total;
    }
}
