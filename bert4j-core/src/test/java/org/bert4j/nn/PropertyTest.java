package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.bert4j.config.Activation;
import org.bert4j.config.AttentionNormalizer;
import org.bert4j.config.Initialization;
import org.bert4j.config.Normalization;
import org.bert4j.config.PositionEncoding.RotaryLayout;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.model.ParameterInitializer;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.testing.TinyModels.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The math of the blocks against formulas computed by hand in Java (MODELS.md sections 1-2). */
class PropertyTest {

    // ---------------------------------------------------------------- RoPE

    @ParameterizedTest
    @EnumSource(RotaryLayout.class)
    void ropeScoreDependsOnlyOnRelativePosition(RotaryLayout layout) {
        int dim = 8, length = 32;
        RotaryPositionEncoding rope = new RotaryPositionEncoding(dim, 10000, layout);
        Random random = new Random(11);
        double[] q = gaussian(random, dim);
        double[] k = gaussian(random, dim);
        try (NDManager m = NDManager.newBaseManager()) {
            RotaryPositionEncoding.Tables t = rope.tables(m, length, DataType.FLOAT64);
            double[] rq = rope.apply(m.create(repeat(q, length), new Shape(1, length, dim)), t).toDoubleArray();
            double[] rk = rope.apply(m.create(repeat(k, length), new Shape(1, length, dim)), t).toDoubleArray();
            for (int mPos : new int[] {0, 3, 7}) {
                for (int nPos : new int[] {0, 2, 9}) {
                    double ref = dot(rq, mPos, rk, nPos, dim);
                    for (int s : new int[] {1, 5, 20}) {
                        assertEquals(ref, dot(rq, mPos + s, rk, nPos + s, dim), 1e-12,
                                layout + ": q_" + mPos + "·k_" + nPos + " vs shifted by " + s);
                    }
                }
            }
            // The rotation is not the identity: moving only the key changes the score.
            assertTrue(Math.abs(dot(rq, 4, rk, 1, dim) - dot(rq, 4, rk, 2, dim)) > 1e-3, layout + ": scores ignore position");
            // Position 0 is unrotated and a rotation keeps the norm.
            for (int i = 0; i < dim; i++) assertEquals(q[i], rq[i], 1e-15);
            for (int p = 0; p < length; p++) assertEquals(norm(q), norm(slice(rq, p, dim)), 1e-12);
            // The pairing itself (MODELS.md: interleaved pairs (2i, 2i+1), half-split pairs (i, i + D/2)).
            int pos = 5;
            for (int i = 0; i < dim / 2; i++) {
                double angle = pos * Math.pow(10000, -2.0 * i / dim);
                int a = layout == RotaryLayout.INTERLEAVED ? 2 * i : i;
                int b = layout == RotaryLayout.INTERLEAVED ? 2 * i + 1 : i + dim / 2;
                assertEquals(q[a] * Math.cos(angle) - q[b] * Math.sin(angle), rq[pos * dim + a], 1e-12, layout + " pair " + i);
                assertEquals(q[b] * Math.cos(angle) + q[a] * Math.sin(angle), rq[pos * dim + b], 1e-12, layout + " pair " + i);
            }
        }
    }

    // ---------------------------------------------------------------- norms

    @ParameterizedTest(name = "gain={0}")
    @ValueSource(booleans = {true, false})
    void rmsNormMatchesTheFormula(boolean withGain) {
        int dim = 6;
        double eps = 1e-7;
        RmsNorm norm = new RmsNorm(dim, eps, withGain);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterInitializer.initialize(norm, m, DataType.FLOAT64, new Initialization.TruncatedNormal(0.5), 1, 3);
            Random random = new Random(5);
            double[] gain = new double[dim];
            Arrays.fill(gain, 1);
            if (withGain) {
                gain = gaussian(random, dim);
                norm.namedParameters().get("weight").set(m.create(gain));
            } else {
                assertTrue(norm.namedParameters().isEmpty(), "a gainless RMS norm has no parameters");
            }
            double[] x = gaussian(random, 3 * dim);
            for (int i = dim; i < 2 * dim; i++) x[i] *= 1e-4; // mean(x²) ≈ 1e-8: eps must sit inside the root
            double[] y = norm.forward(m.create(x, new Shape(3, dim))).toDoubleArray();
            for (int r = 0; r < 3; r++) {
                double ms = 0;
                for (int i = 0; i < dim; i++) ms += x[r * dim + i] * x[r * dim + i] / dim;
                for (int i = 0; i < dim; i++) {
                    double expected = x[r * dim + i] / Math.sqrt(ms + eps) * gain[i];
                    assertEquals(expected, y[r * dim + i], 1e-12 * Math.max(1, Math.abs(expected)), "row " + r + " col " + i);
                }
            }
        }
    }

    @Test
    void layerNormMatchesTheFormula() {
        int dim = 6;
        double eps = 1e-5;
        LayerNorm norm = new LayerNorm(dim, eps);
        try (NDManager m = NDManager.newBaseManager()) {
            Random random = new Random(6);
            double[] gain = gaussian(random, dim);
            double[] bias = gaussian(random, dim);
            ParameterInitializer.initialize(norm, m, DataType.FLOAT64, new Initialization.TruncatedNormal(0.5), 1, 3);
            norm.namedParameters().get("weight").set(m.create(gain));
            norm.namedParameters().get("bias").set(m.create(bias));
            double[] x = gaussian(random, 3 * dim);
            for (int i = dim; i < 2 * dim; i++) x[i] = 3 + 1e-3 * x[i]; // variance ≈ 1e-6 < eps, large mean
            double[] y = norm.forward(m.create(x, new Shape(3, dim))).toDoubleArray();
            for (int r = 0; r < 3; r++) {
                double mean = 0, var = 0;
                for (int i = 0; i < dim; i++) mean += x[r * dim + i] / dim;
                for (int i = 0; i < dim; i++) var += Math.pow(x[r * dim + i] - mean, 2) / dim; // biased variance
                for (int i = 0; i < dim; i++) {
                    double expected = (x[r * dim + i] - mean) / Math.sqrt(var + eps) * gain[i] + bias[i];
                    // The engine takes eps as a float: 1e-5f differs from 1e-5 by 2.5e-8 relative.
                    assertEquals(expected, y[r * dim + i], 1e-7, "row " + r + " col " + i);
                }
            }
        }
    }

    // ---------------------------------------------------------------- attention normalisers

    /** Without padding the normalisers skip the mask; applying it anyway (all keys real) gives the same weights. */
    @ParameterizedTest
    @MethodSource("normalizers")
    void anUnpaddedBatchSkipsTheMaskWithoutChangingTheWeights(AttentionNormalizer spec) {
        try (NDManager m = NDManager.newBaseManager()) {
            long[][] ones = new long[2][TK];
            for (long[] row : ones) Arrays.fill(row, 1);
            AttentionMask skipped = AttentionMask.of(m.create(ones), DataType.FLOAT64);
            assertFalse(skipped.padded(), "no key is padding");
            AttentionMask applied = new AttentionMask(skipped.additive(), skipped.keep(), skipped.keyCounts(), true);
            NDArray scores = m.create(Arrays.copyOf(scores(), 2 * 2 * 4 * TK), new Shape(2, 2, 4, TK));
            ScoreNormalizer n = ScoreNormalizer.of(spec);
            assertArrayEquals(n.normalize(scores, applied).toDoubleArray(),
                    n.normalize(scores, skipped).toDoubleArray(), 0.0);
        }
    }

    static Stream<AttentionNormalizer> normalizers() {
        return Stream.of(new AttentionNormalizer.Softmax(), new AttentionNormalizer.SoftmaxPlus(512, 16),
                new AttentionNormalizer.SquaredRelu());
    }

    /** Scores (3, 2, 4, 520) with 512, 20 and 10 real keys; masked scores are positive too so masking is visible. */
    private static final long[] KEYS = {512, 20, 10};
    private static final int TK = 520;

    private static double[] normalize(AttentionNormalizer spec, double[] scores, NDManager m) {
        long[][] mask = new long[KEYS.length][TK];
        for (int b = 0; b < KEYS.length; b++) for (int j = 0; j < KEYS[b]; j++) mask[b][j] = 1;
        AttentionMask am = AttentionMask.of(m.create(mask), DataType.FLOAT64);
        return ScoreNormalizer.of(spec).normalize(m.create(scores, new Shape(KEYS.length, 2, 4, TK)), am).toDoubleArray();
    }

    private static double[] scores() {
        Random random = new Random(8);
        double[] s = new double[KEYS.length * 2 * 4 * TK];
        for (int i = 0; i < s.length; i++) s[i] = 6 * random.nextDouble() - 3;
        return s;
    }

    /** softmax(a·scale) over the first n keys of one row, 0 beyond. */
    private static double[] softmaxRow(double[] a, int offset, int n, double scale) {
        double[] out = new double[TK];
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int j = 0; j < n; j++) max = Math.max(max, a[offset + j] * scale);
        for (int j = 0; j < n; j++) sum += out[j] = Math.exp(a[offset + j] * scale - max);
        for (int j = 0; j < n; j++) out[j] /= sum;
        return out;
    }

    @Test
    void softmaxPlusScalesByLogKeysOverLog512WithAtLeast16Keys() {
        double[] a = scores();
        try (NDManager m = NDManager.newBaseManager()) {
            double[] plus = normalize(new AttentionNormalizer.SoftmaxPlus(512, 16), a, m);
            double[] plain = normalize(new AttentionNormalizer.Softmax(), a, m);
            double maxDiff20 = 0;
            for (int b = 0; b < KEYS.length; b++) {
                int n = (int) KEYS[b];
                for (int row = 0; row < 8; row++) {
                    int off = (b * 8 + row) * TK;
                    double[] unscaled = softmaxRow(a, off, n, 1);
                    double[] expected = softmaxRow(a, off, n, Math.log(Math.max(n, 16)) / Math.log(512));
                    for (int j = 0; j < TK; j++) {
                        assertEquals(unscaled[j], plain[off + j], 1e-12, "softmax b=" + b + " key " + j);
                        assertEquals(expected[j], plus[off + j], 1e-12, "softmax_plus b=" + b + " key " + j);
                        if (n == 512) assertEquals(plain[off + j], plus[off + j], 1e-12, "512 keys: scale is 1");
                        if (n == 20) maxDiff20 = Math.max(maxDiff20, Math.abs(plain[off + j] - plus[off + j]));
                    }
                    if (n == 10) {
                        // n = max(10, 16): the 10-key row uses log 16, not log 10.
                        double[] withTen = softmaxRow(a, off, n, Math.log(10) / Math.log(512));
                        double d = 0;
                        for (int j = 0; j < n; j++) d = Math.max(d, Math.abs(withTen[j] - plus[off + j]));
                        assertTrue(d > 1e-3, "10 keys must be scaled as 16, not 10");
                    }
                }
            }
            assertTrue(maxDiff20 > 1e-2, "softmax_plus must differ from softmax with 20 keys, max diff " + maxDiff20);
        }
    }

    @Test
    void squaredReluIsReluSquaredOverRealKeysAndZeroOnPadding() {
        double[] a = scores();
        try (NDManager m = NDManager.newBaseManager()) {
            double[] w = normalize(new AttentionNormalizer.SquaredRelu(), a, m);
            boolean positiveMasked = false;
            for (int b = 0; b < KEYS.length; b++) {
                int n = (int) KEYS[b];
                for (int row = 0; row < 8; row++) {
                    int off = (b * 8 + row) * TK;
                    for (int j = 0; j < TK; j++) {
                        double r = Math.max(a[off + j], 0);
                        double expected = j < n ? r * r / n : 0;
                        if (j >= n && a[off + j] > 0) positiveMasked = true;
                        assertEquals(expected, w[off + j], 1e-12, "b=" + b + " key " + j);
                    }
                }
            }
            assertTrue(positiveMasked, "the test must have positive scores on masked keys");
        }
    }

    // ---------------------------------------------------------------- ALBERT sharing

    private static long albertCount(int layers, int groups) {
        JsonObject c = TinyModels.config("albert");
        c.addProperty("num_hidden_layers", layers);
        c.addProperty("num_hidden_groups", groups);
        try (LoadedModel l = ModelBuilder.create(TinyModels.hf(c), DataType.FLOAT32, 1)) {
            var enc = l.model().encoder();
            int perGroup = layers / groups;
            for (int i = 0; i < layers; i++) {
                assertSame(enc.layer(i / perGroup * perGroup), enc.layer(i), "layer " + i + " shares its group's block");
                if (i >= perGroup) assertNotEquals(enc.layer(i - perGroup), enc.layer(i), "groups are distinct");
            }
            return l.model().parameterCount();
        }
    }

    @Test
    void albertParameterCountDoesNotGrowWithDepthButWithGroups() {
        long two = albertCount(2, 1);
        assertEquals(two, albertCount(4, 1));
        assertEquals(two, albertCount(8, 1));
        long twoGroups = albertCount(4, 2);
        long fourGroups = albertCount(8, 4);
        long layer = twoGroups - two;
        // One layer: 4 attention projections with bias, 2 LayerNorms, FFN 16→32→16.
        assertEquals(4 * (16 * 16 + 16) + 2 * 2 * 16 + (32 * 16 + 32) + (16 * 32 + 16), layer);
        assertEquals(two + 3 * layer, fourGroups);
    }

    // ---------------------------------------------------------------- padding invariance

    static Stream<String> variants() { return TinyModels.VARIANTS.stream(); }

    /** Sequence 0 (18 tokens: more than softmax_plus's 16-key floor) alone, then padded to 24 beside others. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void realPositionsDoNotSeePaddingOrOtherSequences(String variant) {
        JsonObject config = TinyModels.config(variant);
        try (LoadedModel l = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT32, 5); NDManager m = NDManager.newBaseManager()) {
            EncoderModel model = l.model();
            Batch batch = TinyModels.batch(m, config, new long[] {18, 24, 5}, 24, 9);
            NDArray ids = batch.ids().get("0:1, 0:18");
            NDArray types = batch.types().get("0:1, 0:18");
            Encoder.Output alone = model.encode(ids, types, ids.onesLike(), false);
            Encoder.Output inBatch = model.encode(batch.ids(), batch.types(), batch.mask(), false);
            for (int s = 0; s < alone.hiddenStates().size(); s++) {
                assertClose(TinyModels.realRows(alone.hiddenStates().get(s), 0, 18),
                        TinyModels.realRows(inBatch.hiddenStates().get(s), 0, 18), 1e-5, variant + " state " + s);
            }
            // Without a mask the padding is attended to, and the outputs change: the test can see masking.
            Encoder.Output unmasked = model.encode(batch.ids(), batch.types(), null, false);
            double d = maxDiff(TinyModels.realRows(alone.last(), 0, 18), TinyModels.realRows(unmasked.last(), 0, 18));
            assertTrue(d > 1e-3, variant + ": padding made no difference even unmasked (" + d + ")");
            if (model.mlm() != null) {
                // Through the head's own states: DeBERTa's mask decoder re-runs a layer, masked as the pass was.
                assertClose(TinyModels.realRows(model.mlm().logits(model.mlm().states(model.encoder(), alone)), 0, 18),
                        TinyModels.realRows(model.mlm().logits(model.mlm().states(model.encoder(), inBatch)), 0, 18), 1e-5,
                        variant + " logits");
            }
        }
    }

    // ---------------------------------------------------------------- activations

    @Test
    void geluIsTheErfFormAndGeluNewTheTanhForm() {
        int n = 161;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -4 + 0.05 * i;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(x);
            double[] gelu = Activations.apply(Activation.GELU, a).toDoubleArray();
            double[] geluNew = Activations.apply(Activation.GELU_TANH, a).toDoubleArray();
            double[] swish = Activations.apply(Activation.SWISH, a).toDoubleArray();
            double[] relu = Activations.apply(Activation.RELU, a).toDoubleArray();
            double maxGap = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i];
                double erfForm = 0.5 * v * (1 + erf(v / Math.sqrt(2)));
                double tanhForm = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
                assertEquals(erfForm, gelu[i], 1e-12, "gelu(" + v + ")");
                assertEquals(tanhForm, geluNew[i], 1e-12, "gelu_new(" + v + ")");
                assertEquals(v / (1 + Math.exp(-v)), swish[i], 1e-12, "swish(" + v + ")");
                assertEquals(Math.max(v, 0), relu[i], 0, "relu(" + v + ")");
                maxGap = Math.max(maxGap, Math.abs(erfForm - tanhForm));
            }
            assertTrue(maxGap > 1e-4, "the two GELU forms must be distinguishable here: " + maxGap);
        }
        assertEquals(0.8413447460685429, 0.5 * (1 + erf(1 / Math.sqrt(2))), 1e-15, "erf helper");
    }

    /** erf by its Maclaurin series; accurate to ~1e-13 for |z| ≤ 3. */
    static double erf(double z) {
        double sum = 0, term = z;
        for (int k = 0; k < 200; k++) {
            double add = term / (2 * k + 1);
            sum += add;
            if (Math.abs(add) < 1e-18) break;
            term *= -z * z / (k + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    // ---------------------------------------------------------------- residual scale

    /** With α = 0 each post-norm sub-layer is just its norm: a transformer layer is ffn_norm(attention_norm(x)). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bert", "roformer_v2", "gau_alpha"})
    void residualScaleZeroLeavesOnlyTheNorms(String variant) {
        try (LoadedModel l = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT64, 6); NDManager m = NDManager.newBaseManager()) {
            EncoderModel model = l.model();
            // Random gains and biases so Norm(Norm(x)) is not simply Norm(x).
            Random random = new Random(4);
            model.namedParameters().forEach((path, p) -> {
                if (path.contains("norm.")) p.set(model.manager().create(gaussian(random, (int) p.shape().size()), p.shape()));
            });
            Batch b = TinyModels.batch(m, TinyModels.config(variant), new long[] {6, 4}, 6, 2);
            double[] full = model.encode(b.ids(), b.types(), b.mask(), false).last().toDoubleArray();
            model.setResidualScale(0.5f);
            double[] half = model.encode(b.ids(), b.types(), b.mask(), false).last().toDoubleArray();
            model.setResidualScale(0f);
            Encoder.Output zero = model.encode(b.ids(), b.types(), b.mask(), false);
            Normalization norm = model.spec().normalization();
            Map<String, org.bert4j.nn.Parameter> params = model.namedParameters();
            boolean gau = variant.equals("gau_alpha");
            for (int layer = 0; layer < model.spec().numLayers(); layer++) {
                double[] x = zero.hiddenStates().get(layer).toDoubleArray();
                String p = "encoder.layers." + layer + ".";
                double[] expected = gau ? applyNorm(norm, x, params, p + "norm.")
                        : applyNorm(norm, applyNorm(norm, x, params, p + "attention_norm."), params, p + "ffn_norm.");
                assertClose(expected, zero.hiddenStates().get(layer + 1).toDoubleArray(), 1e-10, variant + " layer " + layer);
            }
            double[] none = zero.last().toDoubleArray();
            assertTrue(maxDiff(full, none) > 1e-3 && maxDiff(half, none) > 1e-3 && maxDiff(full, half) > 1e-3,
                    "α must change the output");
        }
        try (LoadedModel l = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 6)) {
            for (float bad : new float[] {-0.1f, 1.5f, Float.NaN}) {
                assertThrows(IllegalArgumentException.class, () -> l.model().setResidualScale(bad));
            }
        }
    }

    /** A norm over the last axis of (rows, d), with weight/bias read from the model when present. */
    private static double[] applyNorm(Normalization spec, double[] x, Map<String, org.bert4j.nn.Parameter> params, String prefix) {
        int d = TinyModels.HIDDEN;
        double[] gain = params.containsKey(prefix + "weight") ? params.get(prefix + "weight").value().toDoubleArray() : null;
        double[] bias = params.containsKey(prefix + "bias") ? params.get(prefix + "bias").value().toDoubleArray() : null;
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / d; r++) {
            double mean = 0, sq = 0;
            for (int i = 0; i < d; i++) mean += x[r * d + i] / d;
            if (spec instanceof Normalization.RmsNorm) mean = 0;
            for (int i = 0; i < d; i++) sq += Math.pow(x[r * d + i] - mean, 2) / d;
            double eps = spec instanceof Normalization.LayerNorm ln ? (float) ln.eps() : ((Normalization.RmsNorm) spec).eps();
            for (int i = 0; i < d; i++) {
                double v = (x[r * d + i] - mean) / Math.sqrt(sq + eps);
                if (gain != null) v *= gain[i];
                if (bias != null) v += bias[i];
                y[r * d + i] = v;
            }
        }
        return y;
    }

    // ---------------------------------------------------------------- helpers

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.nextGaussian();
        return v;
    }

    private static double[] repeat(double[] v, int times) {
        double[] out = new double[v.length * times];
        for (int t = 0; t < times; t++) System.arraycopy(v, 0, out, t * v.length, v.length);
        return out;
    }

    private static double[] slice(double[] v, int row, int dim) {
        return Arrays.copyOfRange(v, row * dim, (row + 1) * dim);
    }

    private static double dot(double[] a, int i, double[] b, int j, int dim) {
        double s = 0;
        for (int k = 0; k < dim; k++) s += a[i * dim + k] * b[j * dim + k];
        return s;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        double d = maxDiff(expected, actual);
        assertTrue(d <= tolerance, what + ": max |Δ| = " + d + " > " + tolerance);
    }
}
