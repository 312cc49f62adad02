package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.bert4j.config.Activation;
import org.bert4j.config.AttentionNormalizer;
import org.bert4j.config.Initialization;
import org.bert4j.config.PositionEncoding.RotaryLayout;
import org.bert4j.model.EncoderModel;
import org.bert4j.model.ParameterInitializer;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.testing.TinyModels.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autograd against float64 central finite differences, (L(θ+ε) − L(θ−ε)) / 2ε with ε = 1e-6, for the blocks with
 * hand-written math (RMS norm, GAU with both normalisers, RoPE, attention with RoPE) and whole tiny models
 * (RoFormerV2, GAU-α, DeBERTa v3 and v2 with its other switches).
 * The loss is a fixed random-weighted sum of the output, so every output entry matters with its own weight.
 */
class GradientCheckTest {

    private static final double EPS = 1e-6;
    private static final double REL_TOL = 1e-6;
    private static final Initialization INIT = new Initialization.TruncatedNormal(0.5);

    /** A tensor to check: its parameter and which flat entries (null = all). */
    private record Target(String name, Parameter parameter, int[] entries) {}

    /**
     * Checks d loss / d target for the chosen entries of every target. The loss is re-evaluated from the targets'
     * current values, so changing a value and calling it again gives L(θ ± ε).
     */
    private static void check(NDManager m, List<Target> targets, Supplier<NDArray> loss, String what) {
        for (Target t : targets) t.parameter().value().setRequiresGradient(true);
        Map<String, double[]> analytic = new LinkedHashMap<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.get());
            // An array that got no gradient reads as float32 zeros in DJL, hence the conversion.
            for (Target t : targets) {
                analytic.put(t.name(), t.parameter().value().getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
            }
        }
        double scale = 0;
        for (double[] g : analytic.values()) for (double v : g) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0, what + ": all gradients are zero");
        // Rounding in L(θ ± ε) alone costs about 1e-16·|L|/ε = 1e-10·|L| in the difference quotient.
        double roundoff = 1e-9 * Math.max(1, Math.abs(loss.get().getDouble()));
        int checked = 0;
        for (Target t : targets) {
            Parameter p = t.parameter();
            Shape shape = p.shape();
            double[] base = p.value().toDoubleArray();
            int[] entries = t.entries();
            if (entries == null) {
                entries = new int[base.length];
                for (int i = 0; i < base.length; i++) entries[i] = i;
            }
            double[] g = analytic.get(t.name());
            for (int i : entries) {
                double[] v = base.clone();
                v[i] = base[i] + EPS;
                p.set(m.create(v, shape));
                double plus = loss.get().getDouble();
                v[i] = base[i] - EPS;
                p.set(m.create(v, shape));
                double minus = loss.get().getDouble();
                double numeric = (plus - minus) / (2 * EPS);
                double tol = REL_TOL * Math.abs(g[i]) + roundoff;
                assertTrue(Math.abs(numeric - g[i]) <= tol, what + ": d/d " + t.name() + "[" + i + "]: autograd " + g[i]
                        + " vs finite difference " + numeric + " (|Δ| = " + Math.abs(numeric - g[i]) + ")");
                checked++;
            }
            p.set(m.create(base, shape));
        }
        assertTrue(checked > 0);
    }

    private static Parameter input(NDManager m, Random random, long... shape) {
        Parameter x = new Parameter(new Shape(shape), Parameter.Init.RANDOM);
        x.set(m.create(gaussian(random, Math.toIntExact(new Shape(shape).size())), new Shape(shape)));
        return x;
    }

    /** Initialises a block in float64, then gives the ONES / ZEROS parameters (gains, offsets, biases) random values too. */
    private static void initialize(Module block, NDManager m, long seed) {
        ParameterInitializer.initialize(block, m, DataType.FLOAT64, INIT, 1, seed);
        Random random = new Random(seed);
        block.forEachParameter("", (path, p) -> {
            if (p.init() != Parameter.Init.RANDOM) {
                double[] v = gaussian(random, Math.toIntExact(p.shape().size()));
                for (int i = 0; i < v.length; i++) v[i] = 1 + 0.5 * v[i];
                p.set(m.create(v, p.shape()));
            }
        });
    }

    private static NDArray weights(NDManager m, long seed, Shape shape) {
        return TinyModels.randomWeights(m, DataType.FLOAT64, seed, shape.getShape());
    }

    /** (B, T) 0/1 mask with the given lengths. */
    private static NDArray mask(NDManager m, long[] lengths, int length) {
        long[][] v = new long[lengths.length][length];
        for (int b = 0; b < lengths.length; b++) for (int t = 0; t < lengths[b]; t++) v[b][t] = 1;
        return m.create(v);
    }

    /** The loss weights with padded query rows zeroed: (B, T, 1) mask broadcast over the last axis. */
    private static NDArray maskedWeights(NDManager m, long seed, Shape shape, NDArray mask) {
        return weights(m, seed, shape).mul(mask.toType(DataType.FLOAT64, false).expandDims(2));
    }

    private static int[] sample(Random random, long size, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = random.nextInt(Math.toIntExact(size));
        return out;
    }

    // ---------------------------------------------------------------- blocks

    @Test
    void rmsNormWithGain() {
        try (NDManager m = NDManager.newBaseManager()) {
            RmsNorm norm = new RmsNorm(6, 1e-7, true);
            initialize(norm, m, 1);
            Random random = new Random(1);
            Parameter x = input(m, random, 2, 3, 6);
            NDArray w = weights(m, 2, x.shape());
            check(m, List.of(new Target("x", x, null), new Target("weight", norm.namedParameters().get("weight"), null)),
                    () -> norm.forward(x.value()).mul(w).sum(), "RmsNorm");
        }
    }

    @Test
    void gatedFeedForward() {
        try (NDManager m = NDManager.newBaseManager()) {
            GatedFeedForward ffn = new GatedFeedForward(6, 10, org.bert4j.config.Activation.GELU, true);
            initialize(ffn, m, 3);
            Random random = new Random(3);
            Parameter x = input(m, random, 2, 3, 6);
            NDArray w = weights(m, 4, x.shape());
            check(m, List.of(new Target("x", x, null),
                            new Target("gate.weight", ffn.namedParameters().get("gate.weight"), sample(random, 60, 6))),
                    () -> ffn.forward(x.value()).mul(w).sum(), "GatedFeedForward");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax_plus", "squared_relu"})
    void gatedAttentionUnitWithPaddingMask(String normalizer) {
        AttentionNormalizer spec = normalizer.equals("softmax_plus")
                ? new AttentionNormalizer.SoftmaxPlus(512, 16) : new AttentionNormalizer.SquaredRelu();
        int d = 8, e = 6, s = 4, length = 18;
        long[] lengths = {18, 11}; // 18 real keys: softmax_plus scales by log 18, the other row by log 16
        try (NDManager m = NDManager.newBaseManager()) {
            GatedAttentionUnit gau = new GatedAttentionUnit(d, e, s, Activation.SWISH, ScoreNormalizer.of(spec), true, 0);
            initialize(gau, m, 3);
            Random random = new Random(3);
            Parameter x = input(m, random, 2, length, d);
            NDArray mask = mask(m, lengths, length);
            RotaryPositionEncoding rope = new RotaryPositionEncoding(s, 10000, RotaryLayout.INTERLEAVED);
            PositionContext positions = new PositionContext(AttentionMask.of(mask, DataType.FLOAT64), rope,
                    rope.tables(m, length, DataType.FLOAT64), false);
            NDArray w = maskedWeights(m, 4, new Shape(2, length, d), mask);
            Map<String, Parameter> p = gau.namedParameters();
            Supplier<NDArray> loss = () -> gau.forward(x.value(), positions, ForwardContext.INFERENCE).mul(w).sum();
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("x", x, sample(random, x.shape().size(), 20)));
            targets.add(new Target("input.weight", p.get("input.weight"), sample(random, p.get("input.weight").shape().size(), 8)));
            targets.add(new Target("input.bias", p.get("input.bias"), sample(random, 2 * e + s, 4)));
            targets.add(new Target("query_scale", p.get("query_scale"), null));
            targets.add(new Target("key_scale", p.get("key_scale"), null));
            targets.add(new Target("query_offset", p.get("query_offset"), null));
            targets.add(new Target("key_offset", p.get("key_offset"), null));
            targets.add(new Target("output.weight", p.get("output.weight"), sample(random, p.get("output.weight").shape().size(), 6)));
            check(m, targets, loss, "GAU " + normalizer);

            // Padded positions are invisible: their inputs get exactly zero gradient.
            x.value().setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.get());
                NDArray padded = x.value().getGradient().get("1, 11:, :");
                assertEquals(0.0, padded.abs().max().getDouble(), 0.0, "gradient reaches padded inputs");
                assertTrue(x.value().getGradient().get("1, :11, :").abs().max().getDouble() > 0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RotaryLayout.class)
    void rotaryPositionEncoding(RotaryLayout layout) {
        try (NDManager m = NDManager.newBaseManager()) {
            RotaryPositionEncoding rope = new RotaryPositionEncoding(8, 10000, layout);
            RotaryPositionEncoding.Tables tables = rope.tables(m, 5, DataType.FLOAT64);
            Random random = new Random(5);
            Parameter x = input(m, random, 2, 3, 5, 8); // (B, h, T, D)
            NDArray w = weights(m, 6, x.shape());
            check(m, List.of(new Target("x", x, sample(random, x.shape().size(), 60))), () -> rope.apply(x.value(), tables).mul(w).sum(), "RoPE " + layout);
        }
    }

    @ParameterizedTest(name = "rotate values: {0}")
    @ValueSource(booleans = {false, true})
    void multiHeadAttentionWithRope(boolean rotateValues) {
        int d = 8, length = 6;
        try (NDManager m = NDManager.newBaseManager()) {
            MultiHeadAttention attention = new MultiHeadAttention(d, 2, true, ScoreNormalizer.of(new AttentionNormalizer.Softmax()), 0);
            initialize(attention, m, 7);
            Random random = new Random(7);
            Parameter x = input(m, random, 2, length, d);
            NDArray mask = mask(m, new long[] {6, 4}, length);
            RotaryPositionEncoding rope = new RotaryPositionEncoding(d / 2, 10000, RotaryLayout.INTERLEAVED);
            PositionContext positions = new PositionContext(AttentionMask.of(mask, DataType.FLOAT64), rope,
                    rope.tables(m, length, DataType.FLOAT64), rotateValues);
            NDArray w = maskedWeights(m, 8, new Shape(2, length, d), mask);
            Map<String, Parameter> p = attention.namedParameters();
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("x", x, sample(random, x.shape().size(), 24)));
            for (String name : List.of("query.weight", "key.weight", "value.weight", "output.weight")) {
                targets.add(new Target(name, p.get(name), sample(random, p.get(name).shape().size(), 5)));
            }
            targets.add(new Target("query.bias", p.get("query.bias"), null));
            targets.add(new Target("value.bias", p.get("value.bias"), null));
            check(m, targets, () -> attention.forward(x.value(), positions, ForwardContext.INFERENCE).mul(w).sum(),
                    "MultiHeadAttention with RoPE");
        }
    }

    // ---------------------------------------------------------------- whole models

    /** The MLM logits of a tiny float64 model, weighted at real positions; a few entries of several parameters. */
    @ParameterizedTest
    @ValueSource(strings = {"roformer_v2", "roformer_v2_factorised", "gau_alpha", "deberta_v3", "deberta_v3_emd", "deberta_v2_unshared"})
    void wholeTinyModel(String variant) {
        JsonObject config = TinyModels.config(variant);
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT64, 9);
             NDManager m = NDManager.newBaseManager()) {
            EncoderModel model = loaded.model();
            Batch b = TinyModels.batch(m, config, new long[] {6, 4}, 6, 10);
            NDArray w = maskedWeights(m, 11, new Shape(2, 6, TinyModels.VOCAB), b.mask());
            Map<String, Parameter> p = model.namedParameters();
            Random random = new Random(12);
            List<Target> targets = new ArrayList<>();
            List<String> names = variant.equals("gau_alpha")
                    ? List.of("encoder.embeddings.tokens.weight", "encoder.embeddings.segments.weight",
                            "encoder.layers.0.gau.input.weight", "encoder.layers.0.gau.query_scale",
                            "encoder.layers.1.gau.key_scale", "encoder.layers.1.gau.output.weight")
                    : List.of("encoder.embeddings.tokens.weight", "encoder.embeddings.segments.weight",
                            "encoder.layers.0.attention.query.weight", "encoder.layers.0.attention.key.weight",
                            "encoder.layers.1.attention.value.weight", "encoder.layers.1.ffn.input.weight",
                            "encoder.layers.1.ffn.output.weight");
            if (variant.startsWith("deberta")) {
                // No segments in v3; the relative table (and its norm), the key bias and the position projections.
                names = new ArrayList<>(List.of("encoder.embeddings.tokens.weight", "encoder.relative_embeddings.table.weight",
                        "encoder.layers.0.attention.query.weight", "encoder.layers.0.attention.key.bias",
                        "encoder.layers.1.attention.value.weight", "encoder.layers.1.ffn.input.weight"));
                names.addAll(variant.startsWith("deberta_v3")
                        ? List.of("encoder.relative_embeddings.norm.weight", "encoder.relative_embeddings.norm.bias")
                        : List.of("encoder.layers.0.attention.position_key.weight", "encoder.layers.1.attention.position_query.bias",
                                "encoder.embeddings.projection.weight", "encoder.embeddings.positions.weight"));
            }
            if (variant.endsWith("_emd")) names = append(names, "mlm.mask_decoder.positions.weight", "encoder.layers.1.attention.query.weight");
            if (variant.endsWith("_factorised")) {
                names = new ArrayList<>(names);
                names.add("encoder.embeddings.projection.weight");
                names.add("mlm.output_mapping.weight");
            }
            for (String name : names) {
                Parameter param = p.get(name);
                assertTrue(param != null, "no parameter " + name + " in " + p.keySet());
                int[] entries = sample(random, param.shape().size(), 3);
                if (name.equals("encoder.embeddings.tokens.weight")) {
                    // Rows of tokens in the batch get gradient through the input and the tied decoder.
                    int width = (int) param.shape().get(1);
                    long id = b.ids().getLong(0, 2);
                    entries = new int[] {(int) id * width, (int) id * width + width - 1, entries[0]};
                }
                targets.add(new Target(name, param, entries));
            }
            check(m, targets, () -> model.mlm().logits(model.mlm().states(model.encoder(),
                    model.encode(b.ids(), b.types(), b.mask(), false))).mul(w).sum(), variant);
        }
    }

    private static List<String> append(List<String> names, String... more) {
        List<String> out = new ArrayList<>(names);
        out.addAll(List.of(more));
        return out;
    }

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.nextGaussian();
        return v;
    }
}
