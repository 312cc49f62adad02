package org.bert4j.train.optim;

import org.bert4j.nn.Parameter;

/**
 * A parameter the optimiser updates, with its path for state files, whether weight decay applies (not to
 * biases and norm gains, as BERT, RoBERTa and ALBERT train) and the factor its learning rate is multiplied by.
 *
 * <p>The factor is how fine-tuning gives each depth its own rate (layer-wise learning-rate decay): the optimiser
 * updates this tensor exactly as it would at {@code learningRate × learningRateScale}, decoupled weight decay
 * included (PyTorch's per-group {@code lr} does the same), so a scale of 1 changes nothing.
 */
public record TrainableParameter(String path, Parameter parameter, boolean decay, double learningRateScale) {

    public TrainableParameter {
        if (!(learningRateScale >= 0 && Double.isFinite(learningRateScale))) {
            throw new IllegalArgumentException(path + ": learning-rate scale must be finite and >= 0, got " + learningRateScale);
        }
    }

    /** At the common learning rate (scale 1). */
    public TrainableParameter(String path, Parameter parameter, boolean decay) {
        this(path, parameter, decay, 1.0);
    }

    /** The same parameter with another learning-rate factor. */
    public TrainableParameter withLearningRateScale(double scale) {
        return new TrainableParameter(path, parameter, decay, scale);
    }
}
