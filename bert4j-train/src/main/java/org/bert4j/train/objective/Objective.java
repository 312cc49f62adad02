package org.bert4j.train.objective;

import org.bert4j.model.EncoderModel;

/**
 * A pre-training objective: model forward on a batch, then its loss. The model is run by the objective (not the
 * loop) because each objective needs different outputs: MLM the hidden states at masked rows only, NSP/SOP the
 * pooled first token. Arrays are created in the batch's manager, which the caller closes after the step.
 */
public interface Objective {

    ObjectiveOutput compute(EncoderModel model, TrainingBatch batch, boolean training);
}
