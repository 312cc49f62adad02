package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;

/**
 * log Σ exp(x) along one axis without overflow: m + log Σ exp(x − m) with m the maximum. m is detached from
 * autograd: the exact gradient is softmax(x) whatever m is, and a differentiable m would only add two terms that
 * cancel up to rounding.
 */
final class LogSumExp {

    private LogSumExp() {}

    /** log Σ_i exp(x_i) along {@code axis}, which is removed. Entries of −∞ count as absent; a row of only −∞ gives NaN. */
    static NDArray of(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    /**
     * log(1 + Σ_i exp(x_i)) = log(e⁰ + Σ_i e^{x_i}) along {@code axis}: log-sum-exp with one extra 0 entry, as ZLPR
     * needs. The 0 keeps the result finite (≥ 0) even when every x_i is −∞, i.e. when the set summed over is empty.
     */
    static NDArray withZero(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient().maximum(0); // ≥ 0: covers the extra 0 entry
        NDArray sum = x.sub(max).exp().sum(new int[] {axis}).add(max.neg().exp().squeeze(axis));
        return sum.log().add(max.squeeze(axis));
    }
}
