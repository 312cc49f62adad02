package org.bert4j.config;

/** How fresh weights are drawn. */
public sealed interface Initialization {

    /** Truncated normal (±2σ) with a fixed σ: BERT-style families use 0.02. */
    record TruncatedNormal(double std) implements Initialization {}

    /**
     * RoFormerV2 / GAU-α: truncated normal with σ = gain/√fan_in · L^(−depthExponent), fan_in = the input
     * dimension of a matrix; embedding tables use the same formula with their width as fan_in.
     */
    record DepthScaled(double gain, double depthExponent) implements Initialization {}
}
