package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Softmax cross-entropy summed over rows, through log-softmax (log-sum-exp with the maximum subtracted) so large
 * logits neither overflow nor lose the small probabilities; plus the number of rows whose argmax is the label.
 *
 * @param lossSum Σ −log softmax(z_i)[y_i], () in the logits' type, differentiable
 * @param correct number of rows with argmax z_i = y_i, () int64
 */
record CrossEntropy(NDArray lossSum, NDArray correct) {

    /** logits (N, C), labels (N) int64. */
    static CrossEntropy of(NDArray logits, NDArray labels) {
        NDArray logProbabilities = logits.logSoftmax(1); // (N, C)
        NDArray picked = logProbabilities.gather(labels.reshape(-1, 1), 1); // (N, 1)
        NDArray correct = logits.argMax(1).eq(labels).toType(DataType.INT64, false).sum(); // ()
        return new CrossEntropy(picked.sum().neg(), correct);
    }
}
