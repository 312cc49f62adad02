package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.bert4j.nn.Scalars;

/**
 * ZLPR, the multi-label categorical cross-entropy of Su Jianlin (2020, "将'softmax+交叉熵'推广到多标签分类问题";
 * MODELS.md section 3). For one row of scores s and 0/1 targets y:
 *
 * <pre>
 *   L = log(1 + Σ_{i: y_i = 0} e^{s_i}) + log(1 + Σ_{j: y_j = 1} e^{−s_j})
 * </pre>
 *
 * <p>Why not one sigmoid per label: with many labels and few positives (a span matrix has T² entries and a handful of
 * gold spans) independent binary losses are dominated by the easy negatives; ZLPR is softmax cross-entropy
 * generalised to several targets, so it compares every negative against every positive and against the fixed
 * threshold 0, and the classes do not need re-weighting. A label is predicted exactly when its score is above 0
 * ({@link #predict}), no calibration. Each log(1 + Σ) is a log-sum-exp with an extra 0 entry, computed stably;
 * an empty set (no negatives, or no positives) costs log 1 = 0.
 *
 * <p>Su's "sparse" form takes gold indices instead of a dense 0/1 matrix; it is the same number, and saves memory
 * only when the label set is far larger than the batch of gold entries. Dense targets are used here.
 */
public final class ZlprLoss {

    private ZlprLoss() {}

    /**
     * Mean of L over rows.
     *
     * @param scores  (N, C) scores, any float type; a score of −∞ or a large negative value with y = 0 counts as absent
     * @param targets (N, C) 0/1 in any type (or boolean): 1 marks a positive label
     * @return () the mean loss, differentiable in {@code scores}
     */
    public static NDArray loss(NDArray scores, NDArray targets) {
        return perRow(scores, targets).mean();
    }

    /** L for each row: (N, C) scores and targets → (N). */
    public static NDArray perRow(NDArray scores, NDArray targets) {
        if (!scores.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("scores " + scores.getShape() + " and targets " + targets.getShape()
                    + " differ in shape");
        }
        if (scores.getShape().dimension() != 2) {
            throw new IllegalArgumentException("expected (rows, labels) scores, got " + scores.getShape());
        }
        NDArray positive = targets.toType(DataType.BOOLEAN, false);
        NDArray absent = Scalars.like(scores, Double.NEGATIVE_INFINITY);
        // where() keeps the gradient of the entries it selects and gives the others exactly 0. DJL's where wants the
        // condition in the shape of the first value, so the full-size one goes first.
        NDArray negativeScores = NDArrays.where(positive.logicalNot(), scores, absent); // s_i for y_i = 0, else −∞
        NDArray positiveScores = NDArrays.where(positive, scores.neg(), absent);  // −s_j for y_j = 1, else −∞
        return LogSumExp.withZero(negativeScores, 1).add(LogSumExp.withZero(positiveScores, 1)); // (N)
    }

    /** The predicted labels: score &gt; 0, the threshold ZLPR trains against. (N, C) → (N, C) boolean. */
    public static NDArray predict(NDArray scores) {
        return scores.gt(0);
    }
}
