package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Scalars;

/**
 * Masked language modelling (MODELS.md section 3): cross-entropy of the original token at each masked position,
 * averaged over the step's masked tokens. Only the masked rows of the (B·T, d) hidden states go through the MLM
 * head, so the vocabulary projection costs M·d·V instead of B·T·d·V (M ≈ 0.15·B·T).
 *
 * <p>Sums: {@code mlm_loss_sum}, {@code mlm_correct}, {@code mlm_count} over this batch's masked tokens.
 */
public final class MaskedLanguageModeling implements LossTerm, StepObjective {

    @Override
    public ObjectiveOutput compute(EncoderModel model, TrainingBatch batch, boolean training, LossDenominators step) {
        requireHead(model);
        return read(model, LossTerm.encode(model, batch, training), batch, step);
    }

    @Override
    public ObjectiveOutput read(EncoderModel model, Encoder.Output encoded, TrainingBatch batch, LossDenominators step) {
        return readWithLogits(model, encoded, batch, step).output();
    }

    /** The term, and the masked rows' logits that replaced-token detection samples from. */
    record WithLogits(ObjectiveOutput output, NDArray logits) {}

    WithLogits readWithLogits(EncoderModel model, Encoder.Output encoded, TrainingBatch batch, LossDenominators step) {
        requireHead(model);
        long count = batch.maskedIndex().getShape().get(0);
        if (count > step.maskedTokens()) {
            throw new IllegalArgumentException("the batch has " + count + " masked tokens but the step's denominator is "
                    + step.maskedTokens() + ": compute the denominators over every micro-batch of the step");
        }
        NDArray hidden = model.mlm().states(model.encoder(), encoded); // (B, T, d)
        long width = hidden.getShape().get(2);
        NDArray rows = hidden.reshape(-1, width).get(batch.maskedIndex()); // (M, d)
        NDArray logits = model.mlm().logits(rows); // (M, V)
        CrossEntropy ce = CrossEntropy.of(logits, batch.maskedLabels());
        // An empty batch (no position masked) has a loss sum of exactly 0 with a graph, so max(1, ·) is safe.
        // The divisor is an engine-owned array, not div(Number): see Scalars for why autograd needs that.
        NDArray loss = ce.lossSum().div(Scalars.like(ce.lossSum(), Math.max(1, step.maskedTokens())));
        NDManager manager = batch.inputIds().getManager();
        Map<String, NDArray> sums = new LinkedHashMap<>();
        sums.put("mlm_loss_sum", ce.lossSum().stopGradient());
        sums.put("mlm_correct", ce.correct());
        sums.put("mlm_count", manager.create(count));
        return new WithLogits(new ObjectiveOutput(loss, sums), logits);
    }

    private static void requireHead(EncoderModel model) {
        if (model.mlm() == null) throw new IllegalArgumentException("the model has no MLM head (heads: " + model.heads() + ")");
    }
}
