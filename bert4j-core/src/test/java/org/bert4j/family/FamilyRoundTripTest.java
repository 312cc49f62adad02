package org.bert4j.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.config.PositionEncoding;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.testing.TinyModels.Batch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every family, tiny: builds, runs forward and backward on a padded batch, and survives an HF directory round trip
 * (single file and sharded) bit for bit, writing the config keys and tensor names Hugging Face uses.
 */
class FamilyRoundTripTest {

    private static final long[] LENGTHS = {7, 4, 5};
    private static final int T = 7;

    @TempDir Path tmp;

    static Stream<String> variants() { return TinyModels.VARIANTS.stream(); }

    private static LoadedModel create(String variant) {
        return ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 42);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void forwardOnAPaddedBatchGivesFiniteStates(String variant) {
        try (LoadedModel loaded = create(variant); NDManager m = NDManager.newBaseManager()) {
            EncoderModel model = loaded.model();
            Batch b = TinyModels.batch(m, TinyModels.config(variant), LENGTHS, T, 1);
            Encoder.Output out = model.encode(b.ids(), b.types(), b.mask(), false);
            assertEquals(model.spec().numLayers() + 1, out.hiddenStates().size(), "embeddings + one state per layer");
            for (NDArray h : out.hiddenStates()) {
                assertEquals(new Shape(3, T, TinyModels.HIDDEN), h.getShape());
                assertAllFinite(h.toType(DataType.FLOAT64, false).toDoubleArray(), variant + " hidden states");
            }
            if (model.mlm() != null) {
                NDArray logits = model.mlm().logits(out.last());
                assertEquals(new Shape(3, T, TinyModels.VOCAB), logits.getShape());
                assertAllFinite(logits.toType(DataType.FLOAT64, false).toDoubleArray(), variant + " logits");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyParameterGetsAFiniteNonZeroGradient(String variant) {
        try (LoadedModel loaded = create(variant); NDManager m = NDManager.newBaseManager()) {
            EncoderModel model = loaded.model();
            Batch b = TinyModels.batch(m, TinyModels.config(variant), LENGTHS, T, 2);
            model.requireGradients();
            Map<String, double[]> grads = new LinkedHashMap<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                Encoder.Output out = model.encode(b.ids(), b.types(), b.mask(), false);
                // The MLM head reads its own states (DeBERTa's mask decoder re-runs the last layer on them).
                NDArray h = model.mlm() != null ? model.mlm().states(model.encoder(), out) : out.last();
                NDArray loss = scalarLoss(model, h, m);
                gc.backward(loss);
                model.forEachParameter("", (path, p) -> {
                    NDArray g = p.value().getGradient();
                    assertNotNull(g, variant + ": no gradient for " + path);
                    grads.put(path, g.toType(DataType.FLOAT64, false).toDoubleArray());
                });
            }
            assertEquals(model.namedParameters().keySet(), grads.keySet());
            // Softmax is shift-invariant per query row, so a key bias (adding q·b_k to a whole row) gets no gradient
            // unless RoPE makes it position-dependent.
            // DeBERTa's c2p term makes it position-dependent too: q·(W_k·P_δ + b_k) varies with δ.
            boolean keyBiasInvariant = !(model.spec().position() instanceof PositionEncoding.Rotary)
                    && !(model.spec().position() instanceof PositionEncoding.Relative);
            double scale = grads.values().stream().mapToDouble(FamilyRoundTripTest::maxAbs).max().orElse(0);
            for (Map.Entry<String, double[]> e : grads.entrySet()) {
                String path = e.getKey();
                double[] g = e.getValue();
                assertAllFinite(g, variant + " gradient of " + path);
                if (keyBiasInvariant && path.endsWith("attention.key.bias")) {
                    assertTrue(maxAbs(g) <= 1e-5 * scale, variant + ": key bias gradient should vanish, max |g| = "
                            + maxAbs(g) + " vs " + scale);
                } else {
                    assertTrue(maxAbs(g) > 0, variant + ": all-zero gradient for " + path);
                }
            }
        }
    }

    /**
     * A random-weighted sum of the MLM logits at positions 1..2 (real in every sequence), plus the replaced-token,
     * pooler and sentence-pair logits when the model has them, so every head parameter is on the loss's path.
     */
    private static NDArray scalarLoss(EncoderModel model, NDArray h, NDManager m) {
        DataType type = h.getDataType();
        NDArray few = h.get(":, 1:3, :"); // (3, 2, d)
        NDArray loss;
        if (model.mlm() != null) {
            NDArray logits = model.mlm().logits(few);
            loss = logits.mul(TinyModels.randomWeights(m, type, 7, logits.getShape().getShape())).sum();
        } else {
            loss = few.mul(TinyModels.randomWeights(m, type, 7, few.getShape().getShape())).sum();
        }
        if (model.replacedTokenDetection() != null) {
            NDArray rtd = model.replacedTokenDetection().logits(few); // (3, 2)
            loss = loss.add(rtd.mul(TinyModels.randomWeights(m, type, 10, rtd.getShape().getShape())).sum());
        }
        if (model.pooler() != null) {
            NDArray pooled = model.pooler().forward(h);
            loss = loss.add(pooled.mul(TinyModels.randomWeights(m, type, 8, pooled.getShape().getShape())).sum());
            if (model.sentencePair() != null) {
                NDArray pair = model.sentencePair().logits(pooled);
                loss = loss.add(pair.mul(TinyModels.randomWeights(m, type, 9, pair.getShape().getShape())).sum());
            }
        }
        return loss;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void saveThenLoadIsBitExact(String variant) throws IOException {
        Path dir = tmp.resolve(variant);
        try (LoadedModel original = create(variant)) {
            HfDirectory.save(original.model(), original.family(), dir, null);
            assertTrue(Files.isRegularFile(dir.resolve(SafetensorsCheckpoint.SINGLE_NAME)));
            try (LoadedModel loaded = HfDirectory.load(dir)) {
                assertTrue(loaded.report().clean(), loaded.report().toString());
                assertTrue(loaded.report().absentHeads().isEmpty(), loaded.report().toString());
                assertEquals(original.family().modelType(), loaded.family().modelType());
                assertEquals(original.model().spec(), loaded.model().spec(), "spec survives config.json");
                assertEquals(original.model().heads(), loaded.model().heads(), "heads survive the file");
                assertSameParameters(original.model(), loaded.model(), variant);
                assertSameOutputs(original.model(), loaded.model(), variant);
            }
        }
        // Saving again over an existing directory replaces it atomically and leaves no staging directories.
        try (LoadedModel other = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 43)) {
            HfDirectory.save(other.model(), other.family(), dir, null);
            try (LoadedModel loaded = HfDirectory.load(dir)) {
                assertSameParameters(other.model(), loaded.model(), variant + " (overwritten)");
            }
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(variant), s.map(p -> p.getFileName().toString()).toList(), "leftover staging files");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shardedSaveLoadsBackIdentically(String variant) throws IOException {
        Path dir = tmp.resolve(variant + "-sharded");
        try (LoadedModel original = create(variant)) {
            HfDirectory.save(original.model(), original.family(), dir, null, 2048);
            Set<String> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertTrue(files.contains("model.safetensors.index.json"), files.toString());
            assertFalse(files.contains(SafetensorsCheckpoint.SINGLE_NAME), files.toString());
            assertTrue(files.stream().filter(f -> f.matches("model-\\d{5}-of-\\d{5}\\.safetensors")).count() >= 2, files.toString());
            try (LoadedModel loaded = HfDirectory.load(dir)) {
                assertTrue(loaded.report().clean(), loaded.report().toString());
                assertEquals(original.model().heads(), loaded.model().heads());
                assertSameParameters(original.model(), loaded.model(), variant + " sharded");
                assertSameOutputs(original.model(), loaded.model(), variant + " sharded");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void configJsonHasTheHfKeys(String variant) throws IOException {
        Path dir = tmp.resolve(variant);
        try (LoadedModel original = create(variant)) {
            HfDirectory.save(original.model(), original.family(), dir, null);
        }
        JsonObject c = JsonParser.parseString(Files.readString(dir.resolve(HfDirectory.CONFIG))).getAsJsonObject();
        String type = TinyModels.config(variant).get("model_type").getAsString();
        assertEquals(type, c.get("model_type").getAsString());
        assertEquals(TinyModels.VOCAB, c.get("vocab_size").getAsInt());
        assertEquals(TinyModels.HIDDEN, c.get("hidden_size").getAsInt());
        assertEquals(2, c.get("num_hidden_layers").getAsInt());
        assertEquals("float32", c.get("torch_dtype").getAsString());
        Map<String, Object> expected = new LinkedHashMap<>();
        switch (type) {
            case "bert" -> {
                expected.put("architectures", "BertForPreTraining");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "gelu");
                expected.put("layer_norm_eps", 1e-12);
                expected.put("max_position_embeddings", 40);
                expected.put("type_vocab_size", 2);
                expected.put("pad_token_id", 0);
                expected.put("initializer_range", 0.02);
                expected.put("hidden_dropout_prob", 0.0);
                expected.put("attention_probs_dropout_prob", 0.0);
            }
            case "roberta" -> {
                expected.put("architectures", "RobertaForMaskedLM");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "gelu");
                expected.put("layer_norm_eps", 1e-5);
                expected.put("max_position_embeddings", 42);
                expected.put("type_vocab_size", 1);
                expected.put("pad_token_id", 1);
                expected.put("bos_token_id", 0);
                expected.put("eos_token_id", 2);
            }
            case "albert" -> {
                expected.put("architectures", "AlbertForPreTraining");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "gelu_new");
                expected.put("embedding_size", 8);
                expected.put("num_hidden_groups", 1);
                expected.put("inner_group_num", 1);
                expected.put("layer_norm_eps", 1e-12);
                expected.put("max_position_embeddings", 40);
                expected.put("type_vocab_size", 2);
            }
            case "roformer" -> {
                expected.put("architectures", "RoFormerForMaskedLM");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "gelu");
                expected.put("embedding_size", variant.endsWith("_factorised") ? 8 : 16);
                expected.put("rotary_value", false);
                expected.put("layer_norm_eps", 1e-12);
                expected.put("type_vocab_size", 2);
            }
            case "roformer_v2" -> {
                expected.put("architectures", "RoFormerV2ForMaskedLM");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "relu");
                expected.put("use_bias", variant.endsWith("_bias"));
                expected.put("norm_eps", 1e-7);
                expected.put("type_vocab_size", 2);
                expected.put("embedding_size", variant.endsWith("_factorised") ? 8 : 16);
            }
            case "gau_alpha" -> {
                expected.put("architectures", "GAUAlphaForMaskedLM");
                expected.put("num_attention_heads", 1);
                expected.put("intermediate_size", 24);
                expected.put("attention_key_size", 8);
                expected.put("hidden_act", "swish");
                expected.put("normalization", "softmax_plus");
                expected.put("use_bias", variant.endsWith("_bias"));
                expected.put("norm_eps", 1e-7);
                expected.put("type_vocab_size", 2);
            }
            case "electra" -> {
                expected.put("architectures", variant.endsWith("_generator") ? "ElectraForMaskedLM" : "ElectraForPreTraining");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "gelu");
                expected.put("embedding_size", 8);
                expected.put("layer_norm_eps", 1e-12);
                expected.put("max_position_embeddings", 40);
                expected.put("type_vocab_size", 2);
            }
            case "deberta-v2" -> {
                boolean v3 = variant.startsWith("deberta_v3");
                expected.put("architectures", variant.endsWith("_rtd") ? "DebertaV2ForReplacedTokenDetection" : "DebertaV2ForMaskedLM");
                expected.put("num_attention_heads", 2);
                expected.put("intermediate_size", 32);
                expected.put("hidden_act", "gelu");
                expected.put("layer_norm_eps", 1e-7);
                expected.put("relative_attention", true);
                expected.put("share_att_key", v3);
                expected.put("position_biased_input", !v3);
                expected.put("position_buckets", v3 ? 8 : -1);
                expected.put("max_relative_positions", v3 ? 16 : 6);
                expected.put("norm_rel_ebd", v3 ? "layer_norm" : "none");
                expected.put("type_vocab_size", v3 ? 0 : 2);
                if (!v3) {
                    expected.put("embedding_size", 8);
                    expected.put("max_position_embeddings", 40);
                }
                if (variant.endsWith("_emd")) {
                    expected.put("enhanced_mask_decoder", true);
                    expected.put("max_position_embeddings", 40); // the decoder's table
                }
                JsonElement terms = c.get("pos_att_type");
                assertNotNull(terms, variant + ": config.json lacks pos_att_type");
                assertEquals(Set.of("p2c", "c2p"), terms.getAsJsonArray().asList().stream()
                        .map(JsonElement::getAsString).collect(Collectors.toSet()));
            }
            default -> throw new AssertionError(type);
        }
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            JsonElement v = c.get(e.getKey());
            assertNotNull(v, variant + ": config.json lacks '" + e.getKey() + "': " + c);
            Object want = e.getValue();
            if (e.getKey().equals("architectures")) {
                assertEquals(1, v.getAsJsonArray().size(), variant + " architectures");
                assertEquals(want, v.getAsJsonArray().get(0).getAsString(), variant + " architectures");
            } else if (want instanceof String s) {
                assertEquals(s, v.getAsString(), variant + " " + e.getKey());
            } else if (want instanceof Boolean bool) {
                assertEquals(bool, v.getAsBoolean(), variant + " " + e.getKey());
            } else if (want instanceof Integer i) {
                assertEquals(i, v.getAsInt(), variant + " " + e.getKey());
                assertEquals(i.doubleValue(), v.getAsDouble(), variant + " " + e.getKey() + " must be an integer");
            } else {
                assertEquals((Double) want, v.getAsDouble(), 0.0, variant + " " + e.getKey());
            }
        }
        if (type.equals("roformer_v2") || type.equals("gau_alpha")) {
            assertFalse(c.has("layer_norm_eps"), variant + ": an RMS-norm model has no layer_norm_eps");
        }
        // The family reads back the spec it wrote.
        HfConfig reread = HfConfig.read(dir.resolve(HfDirectory.CONFIG));
        try (LoadedModel original = create(variant)) {
            assertEquals(original.model().spec(), original.family().spec(reread));
            assertEquals(original.model().heads(), original.family().defaultHeads(reread));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void safetensorsNamesAreHfNames(String variant) {
        Path dir = tmp.resolve(variant);
        int parameterCount;
        try (LoadedModel original = create(variant)) {
            HfDirectory.save(original.model(), original.family(), dir, null);
            parameterCount = original.model().namedParameters().size();
        }
        Map<String, long[]> present = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        String type = TinyModels.config(variant).get("model_type").getAsString();
        boolean bias = variant.endsWith("_bias");
        switch (type) {
            case "bert" -> {
                String l = "bert.encoder.layer.";
                present.put("bert.embeddings.word_embeddings.weight", new long[] {60, 16});
                present.put("bert.embeddings.position_embeddings.weight", new long[] {40, 16});
                present.put("bert.embeddings.token_type_embeddings.weight", new long[] {2, 16});
                present.put("bert.embeddings.LayerNorm.weight", new long[] {16});
                present.put("bert.embeddings.LayerNorm.bias", new long[] {16});
                present.put(l + "0.attention.self.query.weight", new long[] {16, 16});
                present.put(l + "0.attention.self.key.bias", new long[] {16});
                present.put(l + "0.attention.self.value.weight", new long[] {16, 16});
                present.put(l + "1.attention.output.dense.weight", new long[] {16, 16});
                present.put(l + "1.attention.output.LayerNorm.weight", new long[] {16});
                present.put(l + "1.intermediate.dense.weight", new long[] {32, 16});
                present.put(l + "1.intermediate.dense.bias", new long[] {32});
                present.put(l + "1.output.dense.weight", new long[] {16, 32});
                present.put(l + "1.output.LayerNorm.bias", new long[] {16});
                present.put("bert.pooler.dense.weight", new long[] {16, 16});
                present.put("cls.predictions.bias", new long[] {60});
                present.put("cls.predictions.transform.dense.weight", new long[] {16, 16});
                present.put("cls.predictions.transform.LayerNorm.weight", new long[] {16});
                present.put("cls.seq_relationship.weight", new long[] {2, 16});
                present.put("cls.seq_relationship.bias", new long[] {2});
                absent.addAll(List.of("cls.predictions.decoder.weight", "cls.predictions.decoder.bias", l + "2.output.dense.weight"));
            }
            case "roberta" -> {
                String l = "roberta.encoder.layer.";
                present.put("roberta.embeddings.word_embeddings.weight", new long[] {60, 16});
                present.put("roberta.embeddings.position_embeddings.weight", new long[] {42, 16});
                present.put("roberta.embeddings.token_type_embeddings.weight", new long[] {1, 16});
                present.put("roberta.embeddings.LayerNorm.weight", new long[] {16});
                present.put(l + "0.attention.self.query.weight", new long[] {16, 16});
                present.put(l + "1.output.LayerNorm.weight", new long[] {16});
                present.put("lm_head.dense.weight", new long[] {16, 16});
                present.put("lm_head.dense.bias", new long[] {16});
                present.put("lm_head.layer_norm.weight", new long[] {16});
                present.put("lm_head.layer_norm.bias", new long[] {16});
                present.put("lm_head.bias", new long[] {60});
                absent.addAll(List.of("lm_head.decoder.weight", "lm_head.decoder.bias", "roberta.pooler.dense.weight"));
            }
            case "albert" -> {
                String g = "albert.encoder.albert_layer_groups.0.albert_layers.0.";
                present.put("albert.embeddings.word_embeddings.weight", new long[] {60, 8});
                present.put("albert.embeddings.position_embeddings.weight", new long[] {40, 8});
                present.put("albert.embeddings.token_type_embeddings.weight", new long[] {2, 8});
                present.put("albert.embeddings.LayerNorm.weight", new long[] {8});
                present.put("albert.encoder.embedding_hidden_mapping_in.weight", new long[] {16, 8});
                present.put("albert.encoder.embedding_hidden_mapping_in.bias", new long[] {16});
                present.put(g + "attention.query.weight", new long[] {16, 16});
                present.put(g + "attention.key.bias", new long[] {16});
                present.put(g + "attention.value.weight", new long[] {16, 16});
                present.put(g + "attention.dense.weight", new long[] {16, 16});
                present.put(g + "attention.LayerNorm.weight", new long[] {16});
                present.put(g + "ffn.weight", new long[] {32, 16});
                present.put(g + "ffn.bias", new long[] {32});
                present.put(g + "ffn_output.weight", new long[] {16, 32});
                present.put(g + "full_layer_layer_norm.weight", new long[] {16});
                present.put(g + "full_layer_layer_norm.bias", new long[] {16});
                present.put("albert.pooler.weight", new long[] {16, 16});
                present.put("albert.pooler.bias", new long[] {16});
                present.put("predictions.dense.weight", new long[] {8, 16});
                present.put("predictions.LayerNorm.weight", new long[] {8});
                present.put("predictions.bias", new long[] {60});
                present.put("sop_classifier.classifier.weight", new long[] {2, 16});
                present.put("sop_classifier.classifier.bias", new long[] {2});
                absent.addAll(List.of("predictions.decoder.weight", "predictions.decoder.bias",
                        "albert.encoder.albert_layer_groups.1.albert_layers.0.ffn.weight"));
            }
            case "roformer" -> {
                int e = variant.endsWith("_factorised") ? 8 : 16;
                String l = "roformer.encoder.layer.";
                present.put("roformer.embeddings.word_embeddings.weight", new long[] {60, e});
                present.put("roformer.embeddings.token_type_embeddings.weight", new long[] {2, e});
                present.put("roformer.embeddings.LayerNorm.weight", new long[] {e});
                present.put(l + "0.attention.self.query.weight", new long[] {16, 16});
                present.put(l + "0.attention.self.key.bias", new long[] {16});
                present.put(l + "1.attention.output.dense.weight", new long[] {16, 16});
                present.put(l + "1.intermediate.dense.weight", new long[] {32, 16});
                present.put(l + "1.output.LayerNorm.weight", new long[] {16});
                present.put("cls.predictions.transform.dense.weight", new long[] {e, 16});
                present.put("cls.predictions.transform.LayerNorm.weight", new long[] {e});
                present.put("cls.predictions.bias", new long[] {60});
                if (e != 16) {
                    present.put("roformer.embeddings_project.weight", new long[] {16, e});
                    present.put("roformer.embeddings_project.bias", new long[] {16});
                } else {
                    absent.add("roformer.embeddings_project.weight");
                }
                absent.addAll(List.of("roformer.embeddings.position_embeddings.weight", "roformer.pooler.dense.weight",
                        "cls.predictions.decoder.weight", "cls.seq_relationship.weight"));
            }
            case "roformer_v2" -> {
                int e = variant.endsWith("_factorised") ? 8 : 16;
                String l = "roformer.encoder.layer.";
                present.put("roformer.embeddings.word_embeddings.weight", new long[] {60, e});
                present.put("roformer.embeddings.token_type_embeddings.weight", new long[] {2, e});
                if (e != 16) {
                    // bert4keras: Embedding-Mapping E→d after the norm, Output-Mapping d→E before the tied decoder.
                    present.put("roformer.embeddings_project.weight", new long[] {16, e});
                    present.put("cls.predictions.output_mapping.weight", new long[] {e, 16});
                    absent.add("roformer.embeddings_project.bias");
                } else {
                    absent.addAll(List.of("roformer.embeddings_project.weight", "cls.predictions.output_mapping.weight"));
                }
                present.put(l + "0.attention.self.query.weight", new long[] {16, 16});
                present.put(l + "0.attention.self.key.weight", new long[] {16, 16});
                present.put(l + "1.attention.output.dense.weight", new long[] {16, 16});
                present.put(l + "1.intermediate.dense.weight", new long[] {32, 16});
                present.put(l + "1.output.dense.weight", new long[] {16, 32});
                List<String> biases = List.of(l + "0.attention.self.query.bias", l + "1.attention.output.dense.bias",
                        l + "1.intermediate.dense.bias", l + "1.output.dense.bias");
                if (bias) {
                    for (String n : biases) present.put(n, new long[] {n.contains("intermediate") ? 32 : 16});
                } else {
                    absent.addAll(biases);
                }
                // Gainless RMS norms have no tensors; the bare tied decoder has none either.
                absent.addAll(List.of("roformer.embeddings.LayerNorm.weight", l + "0.attention.output.LayerNorm.weight",
                        "roformer.embeddings.position_embeddings.weight", "cls.predictions.bias"));
            }
            case "gau_alpha" -> {
                String l = "gau_alpha.encoder.layer.";
                present.put("gau_alpha.embeddings.word_embeddings.weight", new long[] {60, 16});
                present.put("gau_alpha.embeddings.token_type_embeddings.weight", new long[] {2, 16});
                present.put(l + "0.gau.i_dense.weight", new long[] {2 * 24 + 8, 16});
                present.put(l + "1.gau.o_dense.weight", new long[] {16, 24});
                present.put(l + "0.gau.q_scaleoffset.weight", new long[] {8});
                present.put(l + "1.gau.k_scaleoffset.weight", new long[] {8});
                List<String> biases = List.of(l + "0.gau.i_dense.bias", l + "1.gau.o_dense.bias",
                        l + "0.gau.q_scaleoffset.bias", l + "1.gau.k_scaleoffset.bias");
                if (bias) {
                    present.put(biases.get(0), new long[] {56});
                    present.put(biases.get(1), new long[] {16});
                    present.put(biases.get(2), new long[] {8});
                    present.put(biases.get(3), new long[] {8});
                } else {
                    absent.addAll(biases);
                }
                absent.add(l + "2.gau.i_dense.weight");
            }
            case "electra" -> {
                String l = "electra.encoder.layer.";
                present.put("electra.embeddings.word_embeddings.weight", new long[] {60, 8});
                present.put("electra.embeddings.position_embeddings.weight", new long[] {40, 8});
                present.put("electra.embeddings.token_type_embeddings.weight", new long[] {2, 8});
                present.put("electra.embeddings.LayerNorm.weight", new long[] {8});
                present.put("electra.embeddings_project.weight", new long[] {16, 8});
                present.put("electra.embeddings_project.bias", new long[] {16});
                present.put(l + "0.attention.self.query.weight", new long[] {16, 16});
                present.put(l + "1.output.LayerNorm.bias", new long[] {16});
                if (variant.endsWith("_generator")) {
                    present.put("generator_predictions.dense.weight", new long[] {8, 16});
                    present.put("generator_predictions.dense.bias", new long[] {8});
                    present.put("generator_predictions.LayerNorm.weight", new long[] {8});
                    present.put("generator_predictions.LayerNorm.bias", new long[] {8});
                    present.put("generator_lm_head.bias", new long[] {60});
                    absent.addAll(List.of("generator_lm_head.weight", "discriminator_predictions.dense.weight"));
                } else {
                    present.put("discriminator_predictions.dense.weight", new long[] {16, 16});
                    present.put("discriminator_predictions.dense.bias", new long[] {16});
                    present.put("discriminator_predictions.dense_prediction.weight", new long[] {1, 16});
                    present.put("discriminator_predictions.dense_prediction.bias", new long[] {1});
                    absent.addAll(List.of("generator_predictions.dense.weight", "generator_lm_head.bias"));
                }
                absent.add("electra.pooler.dense.weight");
            }
            case "deberta-v2" -> {
                boolean v3 = variant.startsWith("deberta_v3");
                int e = v3 ? 16 : 8;
                String l = "deberta.encoder.layer.";
                present.put("deberta.embeddings.word_embeddings.weight", new long[] {60, e});
                present.put("deberta.embeddings.LayerNorm.weight", new long[] {16});
                present.put("deberta.embeddings.LayerNorm.bias", new long[] {16});
                present.put(l + "0.attention.self.query_proj.weight", new long[] {16, 16});
                present.put(l + "0.attention.self.query_proj.bias", new long[] {16});
                present.put(l + "0.attention.self.key_proj.bias", new long[] {16});
                present.put(l + "1.attention.self.value_proj.weight", new long[] {16, 16});
                present.put(l + "1.attention.output.dense.weight", new long[] {16, 16});
                present.put(l + "1.attention.output.LayerNorm.weight", new long[] {16});
                present.put(l + "1.intermediate.dense.weight", new long[] {32, 16});
                present.put(l + "1.output.dense.weight", new long[] {16, 32});
                present.put(l + "1.output.LayerNorm.bias", new long[] {16});
                if (variant.endsWith("_rtd")) {
                    present.put("discriminator_predictions.dense.weight", new long[] {16, 16});
                    present.put("discriminator_predictions.dense_prediction.weight", new long[] {1, 16});
                    absent.add("cls.predictions.bias");
                } else {
                    present.put("cls.predictions.transform.dense.weight", new long[] {e, 16});
                    present.put("cls.predictions.transform.LayerNorm.weight", new long[] {e});
                    present.put("cls.predictions.bias", new long[] {60});
                    absent.add("discriminator_predictions.dense.weight");
                }
                absent.addAll(List.of("cls.predictions.decoder.weight", "deberta.pooler.dense.weight"));
                if (variant.endsWith("_emd")) {
                    present.put("deberta.embeddings.position_embeddings.weight", new long[] {40, 16}); // the decoder's
                }
                if (v3) {
                    present.put("deberta.encoder.rel_embeddings.weight", new long[] {16, 16}); // 2 × 8 buckets
                    present.put("deberta.encoder.LayerNorm.weight", new long[] {16});
                    present.put("deberta.encoder.LayerNorm.bias", new long[] {16});
                    if (!variant.endsWith("_emd")) absent.add("deberta.embeddings.position_embeddings.weight");
                    absent.addAll(List.of("deberta.embeddings.token_type_embeddings.weight", "deberta.embeddings.embed_proj.weight",
                            l + "0.attention.self.pos_key_proj.weight", l + "0.attention.self.pos_query_proj.weight"));
                } else {
                    present.put("deberta.encoder.rel_embeddings.weight", new long[] {12, 16}); // 2 × 6 offsets
                    present.put("deberta.embeddings.position_embeddings.weight", new long[] {40, 8});
                    present.put("deberta.embeddings.token_type_embeddings.weight", new long[] {2, 8});
                    present.put("deberta.embeddings.embed_proj.weight", new long[] {16, 8});
                    present.put(l + "0.attention.self.pos_key_proj.weight", new long[] {16, 16});
                    present.put(l + "0.attention.self.pos_key_proj.bias", new long[] {16});
                    present.put(l + "1.attention.self.pos_query_proj.weight", new long[] {16, 16});
                    absent.addAll(List.of("deberta.embeddings.embed_proj.bias", "deberta.encoder.LayerNorm.weight"));
                }
            }
            default -> throw new AssertionError(type);
        }
        try (TensorSource file = SafetensorsCheckpoint.open(dir)) {
            Set<String> names = file.names();
            for (Map.Entry<String, long[]> e : present.entrySet()) {
                assertTrue(names.contains(e.getKey()), variant + ": missing " + e.getKey() + " in " + new TreeSet<>(names));
                StoredTensor t = file.get(e.getKey());
                assertArrayEquals(e.getValue(), t.shape(), variant + ": shape of " + e.getKey());
            }
            for (String n : absent) assertFalse(names.contains(n), variant + ": unexpected " + n);
            for (String n : names) {
                assertFalse(n.startsWith("encoder.") || n.startsWith("mlm.") || n.startsWith("pooler.")
                        || n.startsWith("sentence_pair."), variant + ": internal name leaked: " + n);
            }
            assertEquals(parameterCount, names.size(), variant + ": one tensor per parameter, tied ones once");
        }
    }

    static void assertSameParameters(EncoderModel expected, EncoderModel actual, String what) {
        Map<String, Parameter> a = expected.namedParameters();
        Map<String, Parameter> b = actual.namedParameters();
        assertEquals(a.keySet(), b.keySet(), what + ": parameter paths");
        for (String path : a.keySet()) {
            NDArray x = a.get(path).value();
            NDArray y = b.get(path).value();
            assertEquals(x.getShape(), y.getShape(), what + ": shape of " + path);
            assertEquals(x.getDataType(), y.getDataType(), what + ": type of " + path);
            assertTrue(Arrays.equals(x.toFloatArray(), y.toFloatArray()), what + ": values of " + path + " differ");
        }
    }

    static void assertSameOutputs(EncoderModel expected, EncoderModel actual, String what) {
        try (NDManager m = NDManager.newBaseManager()) {
            JsonObject config = new JsonObject();
            config.addProperty("pad_token_id", expected.spec().padTokenId());
            config.addProperty("type_vocab_size", expected.spec().typeVocabSize());
            Batch b = TinyModels.batch(m, config, LENGTHS, T, 3);
            Encoder.Output o1 = expected.encode(b.ids(), b.types(), b.mask(), false);
            Encoder.Output o2 = actual.encode(b.ids(), b.types(), b.mask(), false);
            NDArray h1 = o1.last();
            NDArray h2 = o2.last();
            assertTrue(Arrays.equals(h1.toFloatArray(), h2.toFloatArray()), what + ": hidden states differ");
            if (expected.mlm() != null) {
                NDArray l1 = expected.mlm().logits(expected.mlm().states(expected.encoder(), o1));
                NDArray l2 = actual.mlm().logits(actual.mlm().states(actual.encoder(), o2));
                assertTrue(Arrays.equals(l1.toFloatArray(), l2.toFloatArray()), what + ": MLM logits differ");
            }
            if (expected.pooler() != null) {
                assertTrue(Arrays.equals(expected.pooler().forward(h1).toFloatArray(), actual.pooler().forward(h2).toFloatArray()),
                        what + ": pooled output differs");
            }
        }
    }

    static void assertAllFinite(double[] v, String what) {
        for (int i = 0; i < v.length; i++) assertTrue(Double.isFinite(v[i]), what + ": non-finite value at " + i);
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }
}
