package org.bert4j.train.objective;

import org.bert4j.model.EncoderModel;

/**
 * An objective whose loss can be normalised over a whole optimiser step ({@link LossDenominators}), for gradient
 * accumulation: the loop computes the step's denominators from all its micro-batches, then backpropagates each
 * micro-batch's loss in turn (gradients add up, see {@code optim.Gradients}).
 */
public interface StepObjective extends Objective {

    ObjectiveOutput compute(EncoderModel model, TrainingBatch batch, boolean training, LossDenominators step);

    /** The loss as a mean over this batch alone (no accumulation). */
    @Override
    default ObjectiveOutput compute(EncoderModel model, TrainingBatch batch, boolean training) {
        return compute(model, batch, training, LossDenominators.of(batch));
    }
}
