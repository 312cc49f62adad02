package org.bert4j.train.objective;

import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;

/**
 * One loss read off an encoder pass that has already run. Separating "run the encoder" from "read a head" is what
 * lets {@link CombinedObjective} run the encoder once for MLM and NSP/SOP together.
 */
public sealed interface LossTerm permits MaskedLanguageModeling, SentencePairPrediction {

    /**
     * @return the term's mean loss over the step (unweighted) and its sums over this batch
     */
    ObjectiveOutput read(EncoderModel model, Encoder.Output encoded, TrainingBatch batch, LossDenominators step);

    /** Encoder forward on the batch, with the model's residual scale (the loop sets it). */
    static Encoder.Output encode(EncoderModel model, TrainingBatch batch, boolean training) {
        return model.encode(batch.inputIds(), batch.typeIds(), batch.attentionMask(), training);
    }
}
