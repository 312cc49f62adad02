package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Scalars;

/**
 * A weighted sum of loss terms over ONE encoder pass: BERT's MLM + NSP, ALBERT's MLM + SOP (Devlin et al. 2019
 * and Lan et al. 2020 add the two with weight 1). Every head reads the same {@link Encoder.Output}, so the
 * encoder's forward and backward run once per batch, not once per head.
 */
public final class CombinedObjective implements StepObjective {

    /** A term and its weight in the sum. */
    public record Weighted(LossTerm term, double weight) {
        public Weighted {
            if (!(weight >= 0 && Double.isFinite(weight))) {
                throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
            }
        }
    }

    private final List<Weighted> terms;

    public CombinedObjective(List<Weighted> terms) {
        if (terms.isEmpty()) throw new IllegalArgumentException("a combined objective needs at least one term");
        this.terms = List.copyOf(terms);
    }

    /** MLM mean + {@code pairWeight} × NSP/SOP mean. */
    public static CombinedObjective maskedLanguageModelingWithSentencePair(double pairWeight) {
        return new CombinedObjective(List.of(new Weighted(new MaskedLanguageModeling(), 1),
                new Weighted(new SentencePairPrediction(), pairWeight)));
    }

    public List<Weighted> terms() { return terms; }

    @Override
    public ObjectiveOutput compute(EncoderModel model, TrainingBatch batch, boolean training, LossDenominators step) {
        Encoder.Output encoded = LossTerm.encode(model, batch, training);
        NDArray loss = null;
        Map<String, NDArray> sums = new LinkedHashMap<>();
        for (Weighted w : terms) {
            ObjectiveOutput out = w.term().read(model, encoded, batch, step);
            NDArray weighted = w.weight() == 1 ? out.loss() : out.loss().mul(Scalars.like(out.loss(), w.weight()));
            loss = loss == null ? weighted : loss.add(weighted);
            out.sums().forEach((name, value) -> {
                if (sums.putIfAbsent(name, value) != null) {
                    throw new IllegalStateException("two terms report the sum " + name + ": combine each term once");
                }
            });
        }
        return new ObjectiveOutput(loss, sums);
    }
}
