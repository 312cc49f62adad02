package org.bert4j.train.objective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.masking.MaskedSequence;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.Schedule;
import org.bert4j.train.optim.TrainableParameters;
import org.junit.jupiter.api.Test;

/**
 * Each objective memorises eight fixed masked sequences with a tiny model (d = 32, L = 2, V = 60) and AdamW.
 *
 * <p>Bounds. Chance is ln 60 = 4.09 for MLM and ln 2 = 0.693 for the pair task. A model that ignores context can
 * at best predict the empirical distribution of the masked labels; with 16 masked tokens of (nearly) distinct ids
 * that costs about ln 16 = 2.8. The bound 0.1·ln V = 0.41 (the right token at probability ≥ 0.66 on geometric
 * average) is far below both, so passing needs each masked token to be read from its context; 0.1·ln 2 = 0.069
 * likewise needs every pair label memorised with probability ≥ 0.93. Each step count is about twice the steps the
 * training loss took to cross its bound (RoFormerV2 ~35, BERT ~45, ALBERT ~70); seeds are fixed and the CPU
 * kernels deterministic, so the outcome does not vary between runs.
 */
class OverfitTest {

    private static final int SEQUENCES = 8;
    private static final double MLM_BOUND = 0.1 * Math.log(TinyModels.VOCAB);
    private static final double PAIR_BOUND = 0.1 * Math.log(2);

    @Test
    void maskedLanguageModelingAlone() {
        Random random = new Random(1);
        List<MaskedSequence> data = new ArrayList<>();
        for (int i = 0; i < SEQUENCES; i++) data.add(Fixtures.maskRandomly(random, single(random, 12), 2));
        Losses losses = train("roformer_v2", new MaskedLanguageModeling(), data, 80);
        assertTrue(losses.mlm() < MLM_BOUND, "MLM loss " + losses.mlm() + " not below " + MLM_BOUND);
    }

    @Test
    void maskedLanguageModelingWithNextSentencePrediction() {
        // NSP: random partners and random labels, so the label is memorised per pair.
        List<MaskedSequence> data = Fixtures.randomPairs(new Random(2), repeat(13), repeat(2));
        Losses losses = train("bert", CombinedObjective.maskedLanguageModelingWithSentencePair(1), data, 100);
        assertTrue(losses.mlm() < MLM_BOUND, "MLM loss " + losses.mlm() + " not below " + MLM_BOUND);
        assertTrue(losses.pair() < PAIR_BOUND, "NSP loss " + losses.pair() + " not below " + PAIR_BOUND);
    }

    @Test
    void maskedLanguageModelingWithSentenceOrderPrediction() {
        // SOP: every pair of segments appears in order (0) and swapped (1): the tokens are the same, only order tells.
        Random random = new Random(3);
        List<MaskedSequence> data = new ArrayList<>();
        for (int i = 0; i < SEQUENCES / 2; i++) {
            int[] a = words(random, 5);
            int[] b = words(random, 5);
            data.add(Fixtures.maskRandomly(random, Fixtures.pair(a, b, 0), 2));
            data.add(Fixtures.maskRandomly(random, Fixtures.pair(b, a, 1), 2));
        }
        Losses losses = train("albert", CombinedObjective.maskedLanguageModelingWithSentencePair(1), data, 140);
        assertTrue(losses.mlm() < MLM_BOUND, "MLM loss " + losses.mlm() + " not below " + MLM_BOUND);
        assertTrue(losses.pair() < PAIR_BOUND, "SOP loss " + losses.pair() + " not below " + PAIR_BOUND);
    }

    private record Losses(double mlm, double pair) {}

    /** Full-batch AdamW (lr 5e-3, 10 warm-up steps), then the losses in evaluation mode. */
    private static Losses train(String variant, StepObjective objective, List<MaskedSequence> data, int steps) {
        JsonObject config = TinyModels.config(variant);
        config.addProperty("hidden_size", 32);
        config.addProperty("intermediate_size", 64);
        if (config.has("embedding_size")) config.addProperty("embedding_size", 16);
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT32, 7)) {
            EncoderModel model = loaded.model();
            model.requireGradients();
            Schedule schedule = new Schedule.Constant(10);
            try (AdamW optimizer = new AdamW(TrainableParameters.of(model), AdamSettings.bert())) {
                for (int step = 0; step < steps; step++) {
                    try (NDManager scope = model.manager().newSubManager()) {
                        TrainingBatch batch = BatchCollator.collate(scope, data, Fixtures.PAD);
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            collector.backward(objective.compute(model, batch, true).loss());
                        }
                        optimizer.step((float) (5e-3 * schedule.multiplier(step)));
                    }
                }
            }
            try (NDManager scope = model.manager().newSubManager()) {
                ObjectiveOutput out = objective.compute(model, BatchCollator.collate(scope, data, Fixtures.PAD), false);
                double mlm = mean(out, "mlm");
                double pair = out.sums().containsKey("pair_loss_sum") ? mean(out, "pair") : Double.NaN;
                System.out.printf("overfit %s after %d steps: MLM %.4f (bound %.3f)%s%n", variant, steps, mlm, MLM_BOUND,
                        Double.isNaN(pair) ? "" : String.format(", pair %.4f (bound %.3f)", pair, PAIR_BOUND));
                return new Losses(mlm, pair);
            }
        }
    }

    private static double mean(ObjectiveOutput out, String prefix) {
        return out.sums().get(prefix + "_loss_sum").toType(DataType.FLOAT64, false).getDouble()
                / out.sums().get(prefix + "_count").getLong();
    }

    private static MaskedSequence single(Random random, int words) {
        int[] ids = new int[words + 2];
        ids[0] = Fixtures.CLS;
        System.arraycopy(words(random, words), 0, ids, 1, words);
        ids[words + 1] = Fixtures.SEP;
        return new MaskedSequence(ids, new int[ids.length], new int[0], new int[0], -1);
    }

    private static int[] words(Random random, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = 4 + random.nextInt(TinyModels.VOCAB - 4);
        return out;
    }

    private static int[] repeat(int value) {
        int[] out = new int[SEQUENCES];
        Arrays.fill(out, value);
        return out;
    }
}
