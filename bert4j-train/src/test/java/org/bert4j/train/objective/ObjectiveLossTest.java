package org.bert4j.train.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.masking.MaskedSequence;
import org.junit.jupiter.api.Test;

/**
 * Losses on float64 tiny models against a float64 recomputation: the reference runs each sequence through the
 * encoder alone (no padding, no gather), takes the heads' logits at every position, and does the cross-entropy
 * in plain Java at the masked positions it reads from the {@link MaskedSequence}s. Agreement to 1e-12 means the
 * collation, gather, log-softmax and the means over the step are right.
 */
class ObjectiveLossTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void mlmPlusSentencePairMatchesFloat64Reference() {
        List<MaskedSequence> sequences = Fixtures.randomPairs(new Random(5), new int[] {9, 6, 12}, new int[] {2, 1, 3});
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT64, 11);
             NDManager scope = loaded.model().manager().newSubManager()) {
            EncoderModel model = loaded.model();
            TrainingBatch batch = BatchCollator.collate(scope, sequences, 0);
            ObjectiveOutput out = CombinedObjective.maskedLanguageModelingWithSentencePair(0.5).compute(model, batch, false);
            Reference ref = Reference.of(model, scope, sequences);
            assertEquals(ref.mlmLossSum / ref.mlmCount + 0.5 * ref.pairLossSum / sequences.size(), out.loss().getDouble(), TOLERANCE);
            Map<String, NDArray> sums = out.sums();
            assertEquals(ref.mlmLossSum, sums.get("mlm_loss_sum").getDouble(), TOLERANCE);
            assertEquals(ref.mlmCorrect, sums.get("mlm_correct").getLong());
            assertEquals(ref.mlmCount, sums.get("mlm_count").getLong());
            assertEquals(ref.pairLossSum, sums.get("pair_loss_sum").getDouble(), TOLERANCE);
            assertEquals(ref.pairCorrect, sums.get("pair_correct").getLong());
            assertEquals(sequences.size(), sums.get("pair_count").getLong());
        }
    }

    @Test
    void mlmWithTiedDecoderMatchesFloat64Reference() {
        List<MaskedSequence> sequences = Fixtures.randomPairs(new Random(6), new int[] {10, 7}, new int[] {3, 2});
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("roformer_v2"), DataType.FLOAT64, 12);
             NDManager scope = loaded.model().manager().newSubManager()) {
            TrainingBatch batch = BatchCollator.collate(scope, sequences, 0);
            ObjectiveOutput out = new MaskedLanguageModeling().compute(loaded.model(), batch, false);
            Reference ref = Reference.of(loaded.model(), scope, sequences);
            assertEquals(ref.mlmLossSum / ref.mlmCount, out.loss().getDouble(), TOLERANCE);
            assertEquals(ref.mlmCorrect, out.sums().get("mlm_correct").getLong());
        }
    }

    /**
     * The heads see only what they should: d loss / d hidden is non-zero exactly on the masked rows for MLM (the
     * vocabulary projection runs nowhere else) and exactly on the first token for NSP/SOP (the pooler's input).
     */
    @Test
    void gradientReachesOnlyTheRowsEachHeadReads() {
        List<MaskedSequence> sequences = Fixtures.randomPairs(new Random(7), new int[] {8, 5}, new int[] {3, 1});
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT64, 13);
             NDManager scope = loaded.model().manager().newSubManager()) {
            TrainingBatch batch = BatchCollator.collate(scope, sequences, 0);
            int length = (int) batch.length();
            boolean[][] masked = new boolean[2][length];
            for (int b = 0; b < 2; b++) for (int t : sequences.get(b).maskedPositions()) masked[b][t] = true;
            boolean[][] first = new boolean[2][length];
            first[0][0] = first[1][0] = true;
            assertGradientRows(loaded.model(), scope, batch, new MaskedLanguageModeling(), masked);
            assertGradientRows(loaded.model(), scope, batch, new SentencePairPrediction(), first);
        }
    }

    /**
     * The loss's own scalars (1/count, the pair weight) are engine-owned (see {@code org.bert4j.nn.Scalars}): the same
     * backward with garbage collections and NaN-filled direct buffers between forward and backward gives identical
     * gradients.
     */
    @Test
    void lossGradientsDoNotDependOnGarbageCollection() throws InterruptedException {
        List<MaskedSequence> sequences = Fixtures.randomPairs(new Random(8), new int[] {8, 11}, new int[] {2, 3});
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT32, 14)) {
            EncoderModel model = loaded.model();
            model.requireGradients();
            float[] plain = tokenTableGradient(model, sequences, false);
            float[] collected = tokenTableGradient(model, sequences, true);
            assertArrayEquals(plain, collected);
        }
    }

    private static float[] tokenTableGradient(EncoderModel model, List<MaskedSequence> sequences, boolean collect)
            throws InterruptedException {
        NDArray table = model.encoder().embeddings().tokens().weight().value();
        try (NDManager scope = model.manager().newSubManager()) {
            TrainingBatch batch = BatchCollator.collate(scope, sequences, 0);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = CombinedObjective.maskedLanguageModelingWithSentencePair(0.5).compute(model, batch, true).loss();
                if (collect) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(20);
                    }
                    List<ByteBuffer> junk = new ArrayList<>();
                    for (int i = 0; i < 20_000; i++) junk.add(ByteBuffer.allocateDirect(8).putDouble(0, Double.NaN));
                }
                collector.backward(loss);
            }
            try (NDArray g = table.getGradient()) {
                float[] out = g.toFloatArray();
                g.subi(g);
                return out;
            }
        }
    }

    private static void assertGradientRows(EncoderModel model, NDManager scope, TrainingBatch batch, LossTerm term,
                                           boolean[][] expected) {
        int length = (int) batch.length();
        int width = TinyModels.HIDDEN;
        NDArray hidden = TinyModels.randomWeights(scope, DataType.FLOAT64, 21, 2, length, width);
        hidden.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(term.read(model, new Encoder.Output(List.of(hidden)), batch, LossDenominators.of(batch)).loss());
        }
        double[] gradient = hidden.getGradient().toDoubleArray();
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < length; t++) {
                double rowNorm = 0;
                for (int k = 0; k < width; k++) rowNorm += Math.abs(gradient[(b * length + t) * width + k]);
                String where = term.getClass().getSimpleName() + " row (" + b + ", " + t + ")";
                if (expected[b][t]) assertTrue(rowNorm > 0, where + " should get a gradient");
                else assertEquals(0.0, rowNorm, where + " should get none");
            }
        }
    }

    /** Float64 sums recomputed from per-sequence forward passes. */
    private record Reference(double mlmLossSum, long mlmCorrect, long mlmCount, double pairLossSum, long pairCorrect) {

        static Reference of(EncoderModel model, NDManager scope, List<MaskedSequence> sequences) {
            double mlmLoss = 0, pairLoss = 0;
            long mlmCorrect = 0, mlmCount = 0, pairCorrect = 0;
            for (MaskedSequence s : sequences) {
                NDArray ids = scope.create(toLong(s.inputIds()), new Shape(1, s.length()));
                NDArray types = scope.create(toLong(s.typeIds()), new Shape(1, s.length()));
                NDArray hidden = model.encode(ids, types, null, false).last(); // (1, n, d)
                double[] logits = model.mlm().logits(hidden).toDoubleArray(); // (1, n, V) flattened
                int vocab = TinyModels.VOCAB;
                for (int k = 0; k < s.maskedPositions().length; k++) {
                    int t = s.maskedPositions()[k];
                    double[] row = Arrays.copyOfRange(logits, t * vocab, (t + 1) * vocab);
                    mlmLoss += crossEntropy(row, s.maskedLabels()[k]);
                    if (argMax(row) == s.maskedLabels()[k]) mlmCorrect++;
                    mlmCount++;
                }
                if (model.sentencePair() != null) {
                    double[] pair = model.sentencePair().logits(model.pooler().forward(hidden)).toDoubleArray(); // (1, 2)
                    pairLoss += crossEntropy(pair, s.pairLabel());
                    if (argMax(pair) == s.pairLabel()) pairCorrect++;
                }
            }
            return new Reference(mlmLoss, mlmCorrect, mlmCount, pairLoss, pairCorrect);
        }

        /** log Σ exp z − z_y with the maximum factored out. */
        static double crossEntropy(double[] z, int label) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) max = Math.max(max, v);
            double sum = 0;
            for (double v : z) sum += Math.exp(v - max);
            return max + Math.log(sum) - z[label];
        }

        static int argMax(double[] z) {
            int best = 0;
            for (int i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
            return best;
        }

        static long[] toLong(int[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
            return out;
        }
    }
}
