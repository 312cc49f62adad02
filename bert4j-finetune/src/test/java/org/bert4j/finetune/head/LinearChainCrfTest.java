package org.bert4j.finetune.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bert4j.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRF against brute force over all Kⁿ tag paths, in Java doubles: log Z, the gold score, the NLL and the Viterbi
 * path, for a batch mixing lengths 1..T with random values at padded steps; then autograd against finite
 * differences, and BIO-constrained decoding.
 */
class LinearChainCrfTest {

    private static final int K = 3;
    private static final int T = 4;
    private static final int[] LENGTHS = {4, 1, 3, 2, 4};
    private static final int B = LENGTHS.length;

    /** A float64 CRF with random transitions, and a random batch; padded tags are −1. */
    private record Case(LinearChainCrf crf, double[] emissions, double[] transitions, double[] start, double[] end,
                        long[][] tags, NDArray mask) {

        NDArray emissionArray(NDManager m) {
            return m.create(emissions, new Shape(B, T, K));
        }

        NDArray tagArray(NDManager m) {
            return m.create(tags);
        }
    }

    private static Case randomCase(NDManager m, long seed) {
        Random random = new Random(seed);
        LinearChainCrf crf = new LinearChainCrf(K);
        double[] transitions = GradientCheck.gaussian(random, K * K, 1);
        double[] start = GradientCheck.gaussian(random, K, 1);
        double[] end = GradientCheck.gaussian(random, K, 1);
        Map<String, Parameter> p = crf.namedParameters();
        p.get("transitions").set(m.create(transitions, new Shape(K, K)));
        p.get("start_transitions").set(m.create(start, new Shape(K)));
        p.get("end_transitions").set(m.create(end, new Shape(K)));
        double[] emissions = GradientCheck.gaussian(random, B * T * K, 2);
        long[][] tags = new long[B][T];
        long[][] mask = new long[B][T];
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                boolean real = t < LENGTHS[b];
                tags[b][t] = real ? random.nextInt(K) : -1;
                mask[b][t] = real ? 1 : 0;
            }
        }
        return new Case(crf, emissions, transitions, start, end, tags, m.create(mask));
    }

    /** score(y) of the first n steps of example b, straight from the definition. */
    private static double pathScore(Case c, int b, int[] path) {
        double s = c.start()[path[0]] + c.end()[path[path.length - 1]];
        for (int t = 0; t < path.length; t++) {
            s += c.emissions()[(b * T + t) * K + path[t]];
            if (t > 0) s += c.transitions()[path[t - 1] * K + path[t]];
        }
        return s;
    }

    /** Every path of length n, as base-K digits of 0..Kⁿ−1. */
    private static int[][] allPaths(int n) {
        int count = (int) Math.pow(K, n);
        int[][] paths = new int[count][n];
        for (int code = 0; code < count; code++) {
            int rest = code;
            for (int t = 0; t < n; t++) {
                paths[code][t] = rest % K;
                rest /= K;
            }
        }
        return paths;
    }

    private static double bruteLogPartition(Case c, int b) {
        int[][] paths = allPaths(LENGTHS[b]);
        double max = Double.NEGATIVE_INFINITY;
        for (int[] y : paths) max = Math.max(max, pathScore(c, b, y));
        double sum = 0;
        for (int[] y : paths) sum += Math.exp(pathScore(c, b, y) - max);
        return max + Math.log(sum);
    }

    private static int[] gold(Case c, int b) {
        int[] y = new int[LENGTHS[b]];
        for (int t = 0; t < y.length; t++) y[t] = (int) c.tags()[b][t];
        return y;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void negativeLogLikelihoodMatchesBruteForce(long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            Case c = randomCase(m, seed);
            NDArray emissions = c.emissionArray(m);
            double[] logZ = c.crf().logPartition(emissions, c.mask()).toDoubleArray();
            double[] score = c.crf().pathScore(emissions, c.tagArray(m), c.mask()).toDoubleArray();
            double expectedMean = 0;
            for (int b = 0; b < B; b++) {
                double expectedLogZ = bruteLogPartition(c, b);
                double expectedScore = pathScore(c, b, gold(c, b));
                assertEquals(expectedLogZ, logZ[b], 1e-12, "log Z of example " + b);
                assertEquals(expectedScore, score[b], 1e-12, "gold score of example " + b);
                expectedMean += (expectedLogZ - expectedScore) / B;
            }
            double nll = c.crf().negativeLogLikelihood(emissions, c.tagArray(m), c.mask()).getDouble();
            assertEquals(expectedMean, nll, 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6, 7})
    void viterbiMatchesBruteForceArgmax(long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            Case c = randomCase(m, seed);
            int[][] decoded = c.crf().decode(c.emissionArray(m), c.mask());
            for (int b = 0; b < B; b++) {
                int[] best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int[] y : allPaths(LENGTHS[b])) {
                    double s = pathScore(c, b, y);
                    if (s > bestScore) {
                        bestScore = s;
                        best = y;
                    }
                }
                assertArrayEquals(best, decoded[b], "example " + b);
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Case c = randomCase(m, 8);
            Parameter emissions = GradientCheck.tensor(m, c.emissions(), B, T, K);
            Map<String, Parameter> targets = new LinkedHashMap<>();
            targets.put("emissions", emissions);
            c.crf().namedParameters().forEach(targets::put);
            NDArray tags = c.tagArray(m);
            GradientCheck.check(m, targets, () -> c.crf().negativeLogLikelihood(emissions.value(), tags, c.mask()), "CRF NLL");

            // Padded steps are invisible: exactly zero gradient there.
            double[] g = GradientCheck.gradients(targets, () -> c.crf().negativeLogLikelihood(emissions.value(), tags, c.mask()))
                    .get("emissions");
            for (int b = 0; b < B; b++) {
                for (int t = LENGTHS[b]; t < T; t++) {
                    for (int k = 0; k < K; k++) assertEquals(0.0, g[(b * T + t) * K + k], 0.0, "padded step " + b + "," + t);
                }
            }
        }
    }

    /** A batch of one-step sequences: no transition term at all, log Z = log Σ_k exp(start_k + e(k) + end_k). */
    @Test
    void singleStepBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Case c = randomCase(m, 11);
            double[] e = {0.3, -1.2, 2.0, 1.1, 0.4, -0.7};
            NDArray emissions = m.create(e, new Shape(2, 1, K));
            NDArray mask = m.ones(new Shape(2, 1), DataType.INT64);
            NDArray tags = m.create(new long[][] {{2}, {0}});
            double expected = 0;
            for (int b = 0; b < 2; b++) {
                double[] total = new double[K];
                double sum = 0;
                for (int k = 0; k < K; k++) {
                    total[k] = c.start()[k] + e[b * K + k] + c.end()[k];
                    sum += Math.exp(total[k]);
                }
                expected += (Math.log(sum) - total[b == 0 ? 2 : 0]) / 2;
            }
            assertEquals(expected, c.crf().negativeLogLikelihood(emissions, tags, mask).getDouble(), 1e-12);
            assertEquals(1, c.crf().decode(emissions, mask)[0].length);
        }
    }

    @Test
    void float32MatchesFloat64() {
        try (NDManager m = NDManager.newBaseManager()) {
            Case c = randomCase(m, 9);
            double expected = c.crf().negativeLogLikelihood(c.emissionArray(m), c.tagArray(m), c.mask()).getDouble();
            c.crf().namedParameters().values().forEach(p -> p.set(p.value().toType(DataType.FLOAT32, true)));
            NDArray emissions = c.emissionArray(m).toType(DataType.FLOAT32, false);
            NDArray nll = c.crf().negativeLogLikelihood(emissions, c.tagArray(m).toType(DataType.INT32, false),
                    c.mask().toType(DataType.BOOLEAN, false));
            assertEquals(DataType.FLOAT32, nll.getDataType());
            assertEquals(expected, nll.getFloat(), 1e-5 * Math.abs(expected));
        }
    }

    /** The constrained Viterbi path equals the best of all BIO-valid paths, found by enumerating all 5⁵ paths. */
    @Test
    void bioConstraintsDecodeTheBestValidPath() {
        List<String> labels = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC");
        int k = labels.size();
        int n = 5;
        TransitionConstraints bio = TransitionConstraints.bio(labels);
        try (NDManager m = NDManager.newBaseManager()) {
            // Emissions favouring I- tags where they are invalid: O I-PER I-LOC B-LOC I-PER.
            int[] preferred = {0, 2, 4, 3, 2};
            Random random = new Random(10);
            double[] e = GradientCheck.gaussian(random, n * k, 0.5);
            for (int t = 0; t < n; t++) e[t * k + preferred[t]] += 3;
            double[] transitions = GradientCheck.gaussian(random, k * k, 0.5);
            NDArray emissions = m.create(e, new Shape(1, n, k));
            NDArray mask = m.ones(new Shape(1, n), DataType.INT64);
            LinearChainCrf free = new LinearChainCrf(k);
            LinearChainCrf constrained = new LinearChainCrf(k, bio);
            for (LinearChainCrf crf : List.of(free, constrained)) {
                crf.namedParameters().values().forEach(p -> p.set(m.zeros(p.shape(), DataType.FLOAT64)));
                crf.namedParameters().get("transitions").set(m.create(transitions, new Shape(k, k)));
            }
            assertArrayEquals(preferred, free.decode(emissions, mask)[0], "unconstrained decoding keeps the invalid path");

            int[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int count = (int) Math.pow(k, n);
            for (int code = 0; code < count; code++) {
                int[] y = new int[n];
                for (int t = 0, rest = code; t < n; t++, rest /= k) y[t] = rest % k;
                if (!bioValid(labels, y)) continue;
                double s = 0;
                for (int t = 0; t < n; t++) s += e[t * k + y[t]] + (t > 0 ? transitions[y[t - 1] * k + y[t]] : 0);
                if (s > bestScore) {
                    bestScore = s;
                    best = y;
                }
            }
            assertArrayEquals(best, constrained.decode(emissions, mask)[0]);
        }
    }

    /** I-X only right after B-X or I-X, written independently of TransitionConstraints. */
    private static boolean bioValid(List<String> labels, int[] path) {
        String previous = "O";
        for (int tag : path) {
            String label = labels.get(tag);
            if (label.startsWith("I-") && !(previous.equals("B-" + label.substring(2)) || previous.equals(label))) return false;
            previous = label;
        }
        return true;
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> TransitionConstraints.bio(List.of("O", "PER")));
        try (NDManager m = NDManager.newBaseManager()) {
            LinearChainCrf crf = new LinearChainCrf(K);
            crf.namedParameters().values().forEach(p -> p.set(m.zeros(p.shape(), DataType.FLOAT64)));
            NDArray emissions = m.zeros(new Shape(1, 3, K), DataType.FLOAT64);
            assertThrows(IllegalArgumentException.class, () -> crf.decode(emissions, m.create(new long[][] {{1, 0, 1}})));
            assertThrows(IllegalArgumentException.class, () -> crf.logPartition(emissions, m.create(new long[][] {{1, 1}})));
        }
    }
}
