package org.bert4j.train.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.masking.MaskedSequence;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.Schedule;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;
import org.bert4j.train.rtd.EmbeddingSharing;
import org.bert4j.train.rtd.GeneratorDiscriminator;
import org.bert4j.train.rtd.GeneratorShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the two losses of replaced-token detection send their gradients, read off autograd on tiny ELECTRA and
 * DeBERTaV3 pairs: with the MLM weight 0 every gradient comes from L_RTD, with the RTD weight 0 from L_MLM alone.
 * Then an ELECTRA pair memorises a handful of sequences.
 */
class ReplacedTokenDetectionTest {

    private static final String TOKENS = "encoder.embeddings.tokens.weight";

    /** A discriminator and its generator (half the width and depth), tied as {@code sharing} says. */
    private record Pair(LoadedModel discriminator, GeneratorDiscriminator models) implements AutoCloseable {
        EncoderModel generator() { return models.generator(); }

        @Override
        public void close() {
            discriminator.close();
            models.close();
        }
    }

    private static Pair pair(String variant, EmbeddingSharing sharing, JsonObject config) {
        HfConfig hf = TinyModels.hf(config);
        Family family = ModelBuilder.family(hf);
        LoadedModel discriminator = ModelBuilder.create(hf, family.discriminatorHeads(hf), DataType.FLOAT32, 7);
        HfConfig g = TinyModels.hf(new GeneratorShape(0.5, 0.5).generatorConfig(
                family.config(discriminator.model().spec(), discriminator.model().heads())));
        LoadedModel generator = ModelBuilder.create(g, family.generatorHeads(g), DataType.FLOAT32, 8);
        return new Pair(discriminator, GeneratorDiscriminator.fresh(generator, discriminator.model(), sharing));
    }

    private static List<MaskedSequence> sequences(Random random, int count, int words, int masked) {
        List<MaskedSequence> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] ids = new int[words + 2];
            ids[0] = Fixtures.CLS;
            for (int w = 1; w <= words; w++) ids[w] = 4 + random.nextInt(TinyModels.VOCAB - 4);
            ids[words + 1] = Fixtures.SEP;
            out.add(Fixtures.maskRandomly(random, new MaskedSequence(ids, new int[ids.length], new int[0], new int[0], -1), masked));
        }
        return out;
    }

    /** max |gradient| per parameter path (the generator's under {@code generator.}) after one backward. */
    private static Map<String, Double> gradients(Pair p, double mlmWeight, double rtdWeight) {
        EncoderModel d = p.discriminator().model();
        d.requireGradients();
        List<TrainableParameter> all = new ArrayList<>(TrainableParameters.of(d));
        all.addAll(p.models().generatorParameters());
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDManager scope = d.manager().newSubManager()) {
            TrainingBatch batch = BatchCollator.collate(scope, sequences(new Random(1), 4, 9, 3), Fixtures.PAD);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Engine.getInstance().setRandomSeed(5);
                gc.backward(new ReplacedTokenDetection(p.models(), mlmWeight, rtdWeight, 1).compute(d, batch, true).loss());
                for (TrainableParameter t : all) {
                    NDArray g = t.parameter().value().getGradient();
                    out.put(t.path(), g.abs().max().toType(DataType.FLOAT64, false).getDouble());
                }
            }
            for (TrainableParameter t : all) t.parameter().value().getGradient().subi(t.parameter().value().getGradient());
        }
        return out;
    }

    private static double generatorMax(Map<String, Double> grads) {
        return grads.entrySet().stream().filter(e -> e.getKey().startsWith("generator.")).mapToDouble(Map.Entry::getValue).max().orElse(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"electra", "deberta_v3"})
    void gdesKeepsTheGeneratorTableOutOfRtdAndTheResidualOutOfMlm(String variant) {
        try (Pair p = pair(variant, EmbeddingSharing.GDES, TinyModels.config(variant))) {
            Map<String, Double> rtd = gradients(p, 0, 1);
            assertEquals(0.0, rtd.get("generator." + TOKENS), "E_G from L_RTD");
            assertEquals(0.0, generatorMax(rtd), "no generator parameter from L_RTD: " + rtd);
            assertTrue(rtd.get(TOKENS) > 0, "E_Δ learns from L_RTD");

            Map<String, Double> mlm = gradients(p, 1, 0);
            assertEquals(0.0, mlm.get(TOKENS), "E_Δ from L_MLM");
            assertTrue(mlm.get("generator." + TOKENS) > 0, "E_G learns from L_MLM");
            assertTrue(mlm.get("rtd.dense.weight") == 0.0, "the discriminator head from L_MLM");
        }
    }

    @Test
    void withoutSharingTheGeneratorGetsNothingFromRtd() {
        try (Pair p = pair("electra", EmbeddingSharing.NONE, TinyModels.config("electra"))) {
            Map<String, Double> rtd = gradients(p, 0, 1);
            assertEquals(0.0, generatorMax(rtd), "samples carry no gradient: " + rtd);
            assertTrue(rtd.get(TOKENS) > 0 && rtd.get("rtd.prediction.weight") > 0);
        }
    }

    /** The control: plain sharing does let L_RTD into the one table both models read, and only into it. */
    @Test
    void plainSharingTrainsTheSharedTableFromBothLosses() {
        try (Pair p = pair("electra", EmbeddingSharing.SHARED, TinyModels.config("electra"))) {
            assertTrue(p.models().generatorParameters().stream().noneMatch(t -> t.path().equals("generator." + TOKENS)),
                    "the shared table is updated once, as the discriminator's");
            assertEquals(p.generator().encoder().embeddings().tokens().weight().value(),
                    p.discriminator().model().encoder().embeddings().tokens().weight().value());
            Map<String, Double> rtd = gradients(p, 0, 1);
            assertTrue(rtd.get(TOKENS) > 0, "the shared table from L_RTD");
            assertEquals(0.0, generatorMax(rtd), "every other generator parameter: " + rtd);
            assertTrue(gradients(p, 1, 0).get(TOKENS) > 0, "the shared table from L_MLM");
        }
    }

    /**
     * An ELECTRA pair (d = 32) memorises eight sequences with three masked tokens each. Bounds: chance is ln 60 =
     * 4.09 for the generator and ln 2 = 0.69 per token for the discriminator; a discriminator that ignores the
     * tokens can do no better than the entropy of the replaced fraction (≥ 0.3 here while the generator still
     * errs). 0.1·ln V and 0.1·ln 2 need each masked token read from its context and each replacement spotted.
     * The RTD loss crosses its bound after about 300 steps (0.066 there); 450 leave a margin (0.040, MLM 0.055).
     */
    @Test
    void anElectraPairMemorisesAHandfulOfSequences() {
        JsonObject config = TinyModels.config("electra");
        config.addProperty("hidden_size", 32);
        config.addProperty("intermediate_size", 64);
        config.addProperty("num_attention_heads", 4);
        config.addProperty("embedding_size", 16);
        List<MaskedSequence> data = sequences(new Random(3), 8, 12, 3);
        try (Pair p = pair("electra", EmbeddingSharing.SHARED, config)) {
            EncoderModel d = p.discriminator().model();
            d.requireGradients();
            List<TrainableParameter> all = new ArrayList<>(TrainableParameters.of(d));
            all.addAll(p.models().generatorParameters());
            ReplacedTokenDetection objective = new ReplacedTokenDetection(p.models(), 1, 50, 1);
            Schedule schedule = new Schedule.Constant(10);
            try (AdamW optimizer = new AdamW(all, AdamSettings.bert())) {
                for (int step = 0; step < 450; step++) {
                    try (NDManager scope = d.manager().newSubManager()) {
                        TrainingBatch batch = BatchCollator.collate(scope, data, Fixtures.PAD);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            Engine.getInstance().setRandomSeed(step);
                            gc.backward(objective.compute(d, batch, true).loss());
                        }
                        optimizer.step((float) (5e-3 * schedule.multiplier(step)));
                    }
                }
            }
            try (NDManager scope = d.manager().newSubManager()) {
                ObjectiveOutput out = objective.compute(d, BatchCollator.collate(scope, data, Fixtures.PAD), false);
                double mlm = mean(out, "mlm");
                double rtd = mean(out, "rtd");
                System.out.printf("RTD overfit: MLM %.4f, RTD %.4f%n", mlm, rtd);
                assertTrue(mlm < 0.1 * Math.log(TinyModels.VOCAB), "generator MLM loss " + mlm);
                assertTrue(rtd < 0.1 * Math.log(2), "discriminator RTD loss " + rtd);
            }
        }
    }

    private static double mean(ObjectiveOutput out, String prefix) {
        return out.sums().get(prefix + "_loss_sum").toType(DataType.FLOAT64, false).getDouble()
                / out.sums().get(prefix + "_count").toType(DataType.FLOAT64, false).getDouble();
    }
}
