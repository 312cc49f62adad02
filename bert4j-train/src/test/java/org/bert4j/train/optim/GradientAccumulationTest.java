package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.masking.MaskedSequence;
import org.bert4j.train.objective.BatchCollator;
import org.bert4j.train.objective.CombinedObjective;
import org.bert4j.train.objective.LossDenominators;
import org.bert4j.train.objective.StepObjective;
import org.bert4j.train.objective.TrainingBatch;
import org.junit.jupiter.api.Test;

/**
 * Gradient accumulation as the loop does it: one collector per micro-batch (DJL adds into .grad across
 * collectors), each micro-batch's loss divided by the whole step's {@link LossDenominators}.
 */
class GradientAccumulationTest {

    /** The engine behaviour everything relies on (DJL 0.36 PtGradientCollector); if DJL starts zeroing, this fails. */
    @Test
    void gradientsOfSeparateCollectorsAddUp() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new double[] {1, 2, 3});
            x.setRequiresGradient(true);
            for (double factor : new double[] {2, 3}) {
                try (NDManager scope = manager.newSubManager();
                     GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(scope.create(new double[] {factor, factor, factor}).mul(x).sum());
                }
            }
            assertArrayEquals(new double[] {5, 5, 5}, x.getGradient().toDoubleArray());
        }
    }

    /**
     * Micro-batches of 2 + 2 sequences with 4 and 6 masked tokens against one batch of all 4 (float64, so the
     * only differences are rounding: 1e-10 of the largest gradient entry). Averaging each micro-batch over its own
     * counts instead weighs the 4 tokens of the first like the 6 of the second and misses by far more than that.
     */
    @Test
    void twoMicroBatchesGiveTheGradientOfTheWholeBatch() {
        List<MaskedSequence> all = sequences();
        StepObjective objective = CombinedObjective.maskedLanguageModelingWithSentencePair(1);
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT64, 5);
             NDManager scope = loaded.model().manager().newSubManager()) {
            EncoderModel model = loaded.model();
            model.requireGradients();
            List<TrainableParameter> parameters = TrainableParameters.of(model);
            TrainingBatch whole = BatchCollator.collate(scope, all, 0);
            TrainingBatch first = BatchCollator.collate(scope, all.subList(0, 2), 0);
            TrainingBatch second = BatchCollator.collate(scope, all.subList(2, 4), 0);

            double wholeLoss = backward(model, objective, whole, LossDenominators.of(whole));
            List<double[]> expected = take(parameters);
            LossDenominators step = LossDenominators.over(List.of(first, second));
            assertEquals(new LossDenominators(10, 4, whole.realTokens()), step);
            double accumulatedLoss = backward(model, objective, first, step) + backward(model, objective, second, step);
            List<double[]> accumulated = take(parameters);
            assertEquals(wholeLoss, accumulatedLoss, 1e-12);
            assertTrue(maxRelativeDifference(expected, accumulated) < 1e-10);

            backward(model, objective, first, LossDenominators.of(first)); // the naive way: mean of per-micro-batch means
            backward(model, objective, second, LossDenominators.of(second));
            List<double[]> naive = take(parameters);
            for (double[] g : naive) for (int i = 0; i < g.length; i++) g[i] /= 2;
            assertTrue(maxRelativeDifference(expected, naive) > 1e-3);
        }
    }

    private static double backward(EncoderModel model, StepObjective objective, TrainingBatch batch, LossDenominators step) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = objective.compute(model, batch, true, step).loss();
            collector.backward(loss);
            return loss.getDouble();
        }
    }

    /** The gradients, then zeroed for the next measurement. */
    private static List<double[]> take(List<TrainableParameter> parameters) {
        List<double[]> out = new ArrayList<>();
        for (TrainableParameter p : parameters) out.add(GradientFixtures.gradient(p.parameter()));
        Gradients.zero(parameters);
        return out;
    }

    private static double maxRelativeDifference(List<double[]> expected, List<double[]> actual) {
        double scale = 0, difference = 0;
        for (int p = 0; p < expected.size(); p++) {
            for (int i = 0; i < expected.get(p).length; i++) {
                scale = Math.max(scale, Math.abs(expected.get(p)[i]));
                difference = Math.max(difference, Math.abs(expected.get(p)[i] - actual.get(p)[i]));
            }
        }
        return difference / scale;
    }

    /** Four [CLS] words [SEP] sequences of different lengths with 1, 3, 2 and 4 masked positions and pair labels. */
    private static List<MaskedSequence> sequences() {
        Random random = new Random(9);
        int[] lengths = {9, 6, 12, 7};
        int[][] masked = {{3}, {1, 2, 4}, {2, 9}, {1, 2, 3, 5}};
        List<MaskedSequence> out = new ArrayList<>();
        for (int s = 0; s < lengths.length; s++) {
            int[] ids = new int[lengths[s]];
            int[] types = new int[lengths[s]];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = 4 + random.nextInt(TinyModels.VOCAB - 4);
                types[t] = t >= ids.length / 2 ? 1 : 0;
            }
            int[] labels = new int[masked[s].length];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = ids[masked[s][k]];
                ids[masked[s][k]] = 3; // [MASK]
            }
            out.add(new MaskedSequence(ids, types, masked[s], labels, s % 2));
        }
        return out;
    }
}
