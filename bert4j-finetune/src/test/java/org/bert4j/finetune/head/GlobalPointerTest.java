package org.bert4j.finetune.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bert4j.config.Initialization;
import org.bert4j.model.ParameterInitializer;
import org.bert4j.nn.Parameter;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.TrainableParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both GlobalPointer variants against a direct loop implementation in Java doubles (projection, RoPE on coordinate
 * pairs (2i, 2i+1), scaled dot product, bias), the exclusion of impossible spans from scores, loss, gradient and
 * decoding, and a tiny overfit that decodes nested gold spans exactly.
 */
class GlobalPointerTest {

    private static final int B = 2;
    private static final int T = 5;
    private static final int D = 6;
    private static final int TYPES = 2;
    private static final int HEAD = 4;
    private static final int[] LENGTHS = {5, 3};

    private static GlobalPointer head(String variant, int hidden, int types, int headSize) {
        return variant.equals("standard") ? GlobalPointer.standard(hidden, types, headSize)
                : GlobalPointer.efficient(hidden, types, headSize);
    }

    /** A float64 head whose weights and biases are all random (biases too, so they are tested). */
    private static GlobalPointer randomHead(NDManager m, String variant, long seed) {
        GlobalPointer head = head(variant, D, TYPES, HEAD);
        Random random = new Random(seed);
        head.forEachParameter("", (path, p) ->
                p.set(m.create(GradientCheck.gaussian(random, Math.toIntExact(p.shape().size()), 0.7), p.shape())));
        return head;
    }

    private static NDArray mask(NDManager m, int[] lengths, int length) {
        long[][] v = new long[lengths.length][length];
        for (int b = 0; b < lengths.length; b++) for (int t = 0; t < lengths[b]; t++) v[b][t] = 1;
        return m.create(v);
    }

    // ---------------------------------------------------------------- the reference, in plain Java

    /** y = W x + c for one token, W [out][in] row-major. */
    private static double[] linear(double[] w, double[] c, double[] h, int b, int t, int in) {
        double[] y = new double[c.length];
        for (int o = 0; o < y.length; o++) {
            double s = c[o];
            for (int i = 0; i < in; i++) s += w[o * in + i] * h[(b * T + t) * in + i];
            y[o] = s;
        }
        return y;
    }

    /** RoFormer's rotation of v[from .. from + 2·n) taken at stride `stride`, by position m: pair (2i, 2i+1), θ_i = 10000^(−2i/HEAD). */
    private static double[] rope(double[] v, int from, int stride, int position) {
        double[] out = new double[HEAD];
        for (int i = 0; i < HEAD / 2; i++) {
            double a = v[from + stride * 2 * i];
            double b = v[from + stride * (2 * i + 1)];
            double angle = position * Math.pow(10000, -2.0 * i / HEAD);
            out[2 * i] = a * Math.cos(angle) - b * Math.sin(angle);
            out[2 * i + 1] = b * Math.cos(angle) + a * Math.sin(angle);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** s[b][α][i][j], GlobalPointer.EXCLUDED where i &gt; j or beyond the length. */
    private static double[] referenceScores(GlobalPointer head, String variant, double[] h) {
        Map<String, Parameter> p = head.namedParameters();
        double[] out = new double[B * TYPES * T * T];
        for (int b = 0; b < B; b++) {
            double[][] projected = new double[T][];
            double[][] bias = new double[T][];
            for (int t = 0; t < T; t++) {
                if (variant.equals("standard")) {
                    projected[t] = linear(values(p, "dense.weight"), values(p, "dense.bias"), h, b, t, D);
                } else {
                    projected[t] = linear(values(p, "p_dense.weight"), values(p, "p_dense.bias"), h, b, t, D);
                    double[] pt = projected[t];
                    double[] w = values(p, "q_dense.weight");
                    double[] c = values(p, "q_dense.bias");
                    bias[t] = new double[2 * TYPES];
                    for (int o = 0; o < 2 * TYPES; o++) {
                        double s = c[o];
                        for (int i = 0; i < 2 * HEAD; i++) s += w[o * 2 * HEAD + i] * pt[i];
                        bias[t][o] = s;
                    }
                }
            }
            for (int type = 0; type < TYPES; type++) {
                for (int i = 0; i < T; i++) {
                    for (int j = 0; j < T; j++) {
                        int at = ((b * TYPES + type) * T + i) * T + j;
                        if (i > j || j >= LENGTHS[b]) {
                            out[at] = GlobalPointer.EXCLUDED;
                            continue;
                        }
                        double s;
                        if (variant.equals("standard")) {
                            // per type: q = [2·HEAD·type, +HEAD), k = the next HEAD
                            double[] q = rope(projected[i], 2 * HEAD * type, 1, i);
                            double[] k = rope(projected[j], 2 * HEAD * type + HEAD, 1, j);
                            s = dot(q, k) / Math.sqrt(HEAD);
                        } else {
                            // q at even coordinates, k at odd; bias: even = end (j), odd = start (i)
                            double[] q = rope(projected[i], 0, 2, i);
                            double[] k = rope(projected[j], 1, 2, j);
                            s = dot(q, k) / Math.sqrt(HEAD) + (bias[i][2 * type + 1] + bias[j][2 * type]) / 2;
                        }
                        out[at] = s;
                    }
                }
            }
        }
        return out;
    }

    private static double[] values(Map<String, Parameter> p, String name) {
        return p.get(name).value().toDoubleArray();
    }

    // ---------------------------------------------------------------- tests

    @ParameterizedTest
    @ValueSource(strings = {"standard", "efficient"})
    void scoresMatchLoopImplementation(String variant) {
        try (NDManager m = NDManager.newBaseManager()) {
            GlobalPointer head = randomHead(m, variant, 1);
            double[] h = GradientCheck.gaussian(new Random(2), B * T * D, 1);
            double[] expected = referenceScores(head, variant, h);
            NDArray scores = head.scores(m.create(h, new Shape(B, T, D)), mask(m, LENGTHS, T));
            assertEquals(new Shape(B, TYPES, T, T), scores.getShape());
            double[] actual = scores.toDoubleArray();
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-12, "entry " + i);
        }
    }

    /**
     * The loss is ZLPR over possible spans only: it equals the formula summed over i ≤ j &lt; length, does not change
     * when padded inputs change, and no gradient reaches padded inputs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"standard", "efficient"})
    void lossCountsOnlyPossibleSpans(String variant) {
        try (NDManager m = NDManager.newBaseManager()) {
            GlobalPointer head = randomHead(m, variant, 3);
            Random random = new Random(4);
            double[] h = GradientCheck.gaussian(random, B * T * D, 1);
            List<List<Span>> gold = List.of(
                    List.of(new Span(0, 0, 2), new Span(0, 1, 1), new Span(1, 0, 4)),
                    List.of(new Span(1, 1, 2)));
            NDArray goldMatrix = SpanTargets.of(m, gold, TYPES, T);
            NDArray mask = mask(m, LENGTHS, T);

            double[] s = referenceScores(head, variant, h);
            boolean[] g = goldMatrix.toBooleanArray();
            double expected = 0;
            for (int b = 0; b < B; b++) {
                for (int type = 0; type < TYPES; type++) {
                    double negatives = 1;
                    double positives = 1;
                    for (int i = 0; i < LENGTHS[b]; i++) {
                        for (int j = i; j < LENGTHS[b]; j++) {
                            int at = ((b * TYPES + type) * T + i) * T + j;
                            if (g[at]) positives += Math.exp(-s[at]); else negatives += Math.exp(s[at]);
                        }
                    }
                    expected += (Math.log(negatives) + Math.log(positives)) / (B * TYPES);
                }
            }
            Parameter hidden = GradientCheck.tensor(m, h, B, T, D);
            double loss = GlobalPointer.loss(head.scores(hidden.value(), mask), goldMatrix).getDouble();
            assertEquals(expected, loss, 1e-12);

            // Other values at the padded positions of example 1: same loss.
            double[] changed = h.clone();
            for (int t = LENGTHS[1]; t < T; t++) for (int d = 0; d < D; d++) changed[(T + t) * D + d] = 100 * random.nextGaussian();
            double lossChanged = GlobalPointer.loss(head.scores(m.create(changed, new Shape(B, T, D)), mask), goldMatrix).getDouble();
            assertEquals(loss, lossChanged, 0.0);

            hidden.value().setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(GlobalPointer.loss(head.scores(hidden.value(), mask), goldMatrix));
                NDArray grad = hidden.value().getGradient();
                assertEquals(0.0, grad.get("1, " + LENGTHS[1] + ":, :").abs().max().getDouble(), 0.0);
                assertTrue(grad.get("1, :" + LENGTHS[1] + ", :").abs().max().getDouble() > 0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "efficient"})
    void gradientMatchesFiniteDifferences(String variant) {
        try (NDManager m = NDManager.newBaseManager()) {
            GlobalPointer head = randomHead(m, variant, 5);
            Parameter hidden = GradientCheck.tensor(m, GradientCheck.gaussian(new Random(6), B * T * D, 1), B, T, D);
            NDArray gold = SpanTargets.of(m, List.of(List.of(new Span(0, 1, 3), new Span(1, 1, 3)), List.of(new Span(0, 0, 0))), TYPES, T);
            NDArray mask = mask(m, LENGTHS, T);
            Map<String, Parameter> targets = new LinkedHashMap<>();
            targets.put("hidden", hidden);
            targets.putAll(head.namedParameters());
            GradientCheck.check(m, targets, () -> GlobalPointer.loss(head.scores(hidden.value(), mask), gold), variant);
        }
    }

    /** Even with every raw score pushed far above 0, decoding returns only spans with i ≤ j inside the length. */
    @ParameterizedTest
    @ValueSource(strings = {"standard", "efficient"})
    void decodingSkipsImpossibleSpans(String variant) {
        try (NDManager m = NDManager.newBaseManager()) {
            GlobalPointer head = randomHead(m, variant, 7);
            head.forEachParameter("", (path, p) -> p.set(p.value().mul(0.001)));
            if (variant.equals("standard")) {
                // q = k = (0, 0, 10, 0) in every type, on the slowest RoPE pair: q·k = 100·cos(0.01·(j − i)) > 0.
                double[] bias = new double[TYPES * 2 * HEAD];
                for (int chunk = 0; chunk < 2 * TYPES; chunk++) bias[chunk * HEAD + 2] = 10;
                head.namedParameters().get("dense.bias").set(m.create(bias, new Shape(bias.length)));
            } else {
                Parameter typeBias = head.namedParameters().get("q_dense.bias");
                typeBias.set(m.full(typeBias.shape(), 100f, DataType.FLOAT64));
            }
            NDArray scores = head.scores(m.create(GradientCheck.gaussian(new Random(8), B * T * D, 1), new Shape(B, T, D)),
                    mask(m, LENGTHS, T));
            List<List<Span>> decoded = GlobalPointer.decode(scores);
            for (int b = 0; b < B; b++) {
                List<Span> expected = new ArrayList<>();
                for (int type = 0; type < TYPES; type++) {
                    for (int i = 0; i < LENGTHS[b]; i++) for (int j = i; j < LENGTHS[b]; j++) expected.add(new Span(type, i, j));
                }
                assertEquals(expected, decoded.get(b), "example " + b);
            }
        }
    }

    /**
     * Memorise nested and overlapping spans of two types from fixed random hidden states (float32, AdamW on the head
     * alone): the loss falls far below its start and decoding returns exactly the gold spans.
     */
    @ParameterizedTest
    @ValueSource(strings = {"standard", "efficient"})
    void overfitsNestedSpans(String variant) {
        int hidden = 16;
        int length = 6;
        int[] lengths = {6, 4};
        List<List<Span>> gold = List.of(
                List.of(new Span(0, 0, 2), new Span(1, 1, 1), new Span(0, 1, 2), new Span(0, 3, 5), new Span(1, 3, 4)),
                List.of(new Span(1, 0, 3), new Span(0, 1, 2)));
        double[] h = GradientCheck.gaussian(new Random(11), 2 * length * hidden, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            GlobalPointer head = head(variant, hidden, 2, 16);
            ParameterInitializer.initialize(head, m, DataType.FLOAT32, new Initialization.TruncatedNormal(0.1), 1, 12);
            List<TrainableParameter> trained = new ArrayList<>();
            head.namedParameters().forEach((path, p) -> {
                p.value().setRequiresGradient(true);
                trained.add(new TrainableParameter(path, p, false));
            });
            double first = Double.NaN;
            try (AdamW adam = new AdamW(trained, new AdamSettings(0.9, 0.999, 1e-8, 0, true))) {
                for (int step = 0; step < 150; step++) {
                    try (NDManager scope = m.newSubManager()) {
                        NDArray states = scope.create(h, new Shape(2, length, hidden)).toType(DataType.FLOAT32, false);
                        NDArray targets = SpanTargets.of(scope, gold, 2, length);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray loss = GlobalPointer.loss(head.scores(states, mask(scope, lengths, length)), targets);
                            if (step == 0) first = loss.getFloat();
                            gc.backward(loss);
                        }
                        adam.step(0.01f);
                    }
                }
            }
            try (NDManager scope = m.newSubManager()) {
                NDArray states = scope.create(h, new Shape(2, length, hidden)).toType(DataType.FLOAT32, false);
                NDArray scores = head.scores(states, mask(scope, lengths, length));
                double loss = GlobalPointer.loss(scores, SpanTargets.of(scope, gold, 2, length)).getFloat();
                System.out.printf("GlobalPointer %s overfit: loss %.4f → %.4f%n", variant, first, loss);
                assertTrue(loss < 0.05 * first, "loss " + first + " → " + loss);
                List<List<Span>> decoded = GlobalPointer.decode(scores);
                for (int b = 0; b < 2; b++) {
                    List<Span> expected = new ArrayList<>(gold.get(b));
                    expected.sort(Comparator.comparingInt(Span::type).thenComparingInt(Span::start).thenComparingInt(Span::end));
                    assertEquals(expected, decoded.get(b), "example " + b);
                }
            }
        }
    }
}
