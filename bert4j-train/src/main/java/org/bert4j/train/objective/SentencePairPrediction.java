package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Scalars;

/**
 * NSP (BERT: is segment B the one that followed A?) or SOP (ALBERT: are the two consecutive segments in order?):
 * the same head, pooler → Linear(d, 2), and the same two-class cross-entropy, averaged over the step's labelled
 * sequences; only the data differ (MODELS.md section 3). Label 0 = is next / in order.
 *
 * <p>Sums: {@code pair_loss_sum}, {@code pair_correct}, {@code pair_count} over this batch's sequences.
 */
public final class SentencePairPrediction implements LossTerm, StepObjective {

    @Override
    public ObjectiveOutput compute(EncoderModel model, TrainingBatch batch, boolean training, LossDenominators step) {
        requireHeads(model);
        return read(model, LossTerm.encode(model, batch, training), batch, step);
    }

    @Override
    public ObjectiveOutput read(EncoderModel model, Encoder.Output encoded, TrainingBatch batch, LossDenominators step) {
        requireHeads(model);
        if (batch.pairLabels() == null) {
            throw new IllegalArgumentException("the batch has no sentence-pair labels: its sequences come from a source"
                    + " without NSP/SOP pairs");
        }
        long count = batch.batchSize();
        if (count > step.pairSequences()) {
            throw new IllegalArgumentException("the batch has " + count + " labelled sequences but the step's denominator"
                    + " is " + step.pairSequences() + ": compute the denominators over every micro-batch of the step");
        }
        NDArray pooled = model.pooler().forward(encoded.last()); // (B, d)
        NDArray logits = model.sentencePair().logits(pooled); // (B, 2)
        CrossEntropy ce = CrossEntropy.of(logits, batch.pairLabels());
        NDManager manager = batch.inputIds().getManager();
        Map<String, NDArray> sums = new LinkedHashMap<>();
        sums.put("pair_loss_sum", ce.lossSum().stopGradient());
        sums.put("pair_correct", ce.correct());
        sums.put("pair_count", manager.create(count));
        NDArray loss = ce.lossSum().div(Scalars.like(ce.lossSum(), step.pairSequences())); // not div(Number): Scalars
        return new ObjectiveOutput(loss, sums);
    }

    private static void requireHeads(EncoderModel model) {
        if (model.pooler() == null || model.sentencePair() == null) {
            throw new IllegalArgumentException("the model has no pooler and sentence-pair head (heads: " + model.heads() + ")");
        }
    }
}
