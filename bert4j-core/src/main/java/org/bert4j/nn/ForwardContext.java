package org.bert4j.nn;

/**
 * Run-time settings of one forward pass.
 *
 * @param training      dropout on when true
 * @param residualScale α in x = Norm(x + α·F(x)): 1 except during RoFormerV2's warm-up from scratch
 */
public record ForwardContext(boolean training, float residualScale) {

    public static final ForwardContext INFERENCE = new ForwardContext(false, 1f);

    public static ForwardContext training(float residualScale) { return new ForwardContext(true, residualScale); }
}
