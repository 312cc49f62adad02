package org.bert4j.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.checkpoint.safetensors.SafetensorsWriter;
import org.bert4j.family.Families;
import org.bert4j.family.Family;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken configs and checkpoints fail with a {@link CheckpointException} that names the file and the key. */
class BadInputTest {

    private static final String QUERY = "bert.encoder.layer.0.attention.self.query.weight";
    private static final String FFN_OUT = "bert.encoder.layer.1.output.dense.weight";

    @TempDir Path tmp;
    private Path dir;
    private Path config;
    private Path weights;

    /** A valid tiny BERT directory that each test then breaks in one way. */
    @BeforeEach
    void saveValidModel() {
        dir = tmp.resolve("bert");
        try (LoadedModel m = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT32, 1)) {
            HfDirectory.save(m.model(), m.family(), dir, null);
        }
        config = dir.resolve(HfDirectory.CONFIG);
        weights = dir.resolve(SafetensorsCheckpoint.SINGLE_NAME);
        try (LoadedModel ok = HfDirectory.load(dir)) {
            assertTrue(ok.report().clean(), ok.report().toString());
        }
    }

    private void editConfig(Consumer<JsonObject> edit) throws IOException {
        JsonObject c = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
        edit.accept(c);
        Files.writeString(config, new GsonBuilder().setPrettyPrinting().create().toJson(c));
    }

    private String loadFails() {
        return loadFails(WeightLoader.Options.STRICT);
    }

    private String loadFails(WeightLoader.Options options) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> HfDirectory.load(dir, DataType.FLOAT32, options).close());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "message should mention '" + p + "': " + message);
    }

    // ---------------------------------------------------------------- config.json

    @Test
    void missingHiddenSizeNamesFileAndKey() throws IOException {
        editConfig(c -> c.remove("hidden_size"));
        assertMentions(loadFails(), config.toString(), "'hidden_size'", "missing");
    }

    @Test
    void nonNumericHiddenSizeNamesKeyAndValue() throws IOException {
        editConfig(c -> c.addProperty("hidden_size", "abc"));
        assertMentions(loadFails(), config.toString(), "'hidden_size'", "abc");
    }

    @Test
    void fractionalSizeIsNotAnInteger() throws IOException {
        editConfig(c -> c.addProperty("intermediate_size", 32.5));
        assertMentions(loadFails(), config.toString(), "'intermediate_size'", "32.5");
    }

    @Test
    void unknownModelTypeListsTheKnownOnes() throws IOException {
        editConfig(c -> c.addProperty("model_type", "bart"));
        String message = loadFails();
        assertMentions(message, config.toString(), "'model_type'", "bart");
        for (Family f : Families.all()) assertMentions(message, f.modelType());
        assertEquals(8, Families.all().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert", "roberta", "albert", "roformer", "roformer_v2", "electra", "deberta_v3"})
    void headsNotDividingHiddenSizeNameTheKey(String variant) {
        JsonObject c = TinyModels.config(variant);
        c.addProperty("num_attention_heads", 3);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ModelBuilder.create(TinyModels.hf(c), DataType.FLOAT32, 1).close());
        assertMentions(e.getMessage(), "test-config.json", "'num_attention_heads'", "3", "16");
    }

    @Test
    void debertaSettingsBert4jDoesNotBuildNameTheirKey() {
        JsonObject unknownTerm = TinyModels.config("deberta_v3");
        unknownTerm.addProperty("pos_att_type", "p2c|p2p");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ModelBuilder.create(TinyModels.hf(unknownTerm), DataType.FLOAT32, 1).close());
        assertMentions(e.getMessage(), "test-config.json", "'pos_att_type'", "p2p");
        JsonObject convolution = TinyModels.config("deberta_v3");
        convolution.addProperty("conv_kernel_size", 3);
        e = assertThrows(CheckpointException.class, () -> ModelBuilder.create(TinyModels.hf(convolution), DataType.FLOAT32, 1).close());
        assertMentions(e.getMessage(), "'conv_kernel_size'");
        JsonObject termsWithoutRelative = TinyModels.config("deberta_v3");
        termsWithoutRelative.addProperty("relative_attention", false);
        e = assertThrows(CheckpointException.class,
                () -> ModelBuilder.create(TinyModels.hf(termsWithoutRelative), DataType.FLOAT32, 1).close());
        assertMentions(e.getMessage(), "'pos_att_type'", "relative_attention");
        JsonObject decoderWithAbsoluteInput = TinyModels.config("deberta_v2_unshared");
        decoderWithAbsoluteInput.addProperty("enhanced_mask_decoder", true);
        e = assertThrows(CheckpointException.class,
                () -> ModelBuilder.create(TinyModels.hf(decoderWithAbsoluteInput), DataType.FLOAT32, 1).close());
        assertMentions(e.getMessage(), "test-config.json", "'enhanced_mask_decoder'", "position_biased_input");
    }

    @Test
    void headsNotDividingHiddenSizeInADirectory() throws IOException {
        editConfig(c -> c.addProperty("num_attention_heads", 5));
        assertMentions(loadFails(), config.toString(), "'num_attention_heads'");
    }

    /** Values the spec rejects (not the getters) must still come back as a checkpoint error naming the file. */
    @ParameterizedTest
    @ValueSource(strings = {"vocab_size", "num_hidden_layers", "intermediate_size"})
    void nonPositiveSizeNamesFileAndKey(String key) throws IOException {
        editConfig(c -> c.addProperty(key, 0));
        assertMentions(loadFails(), config.toString(), key);
    }

    // ---------------------------------------------------------------- model.safetensors

    /** Rewrites model.safetensors after {@code edit} changes its tensors (copied to the heap first). */
    private void editWeights(Consumer<Map<String, StoredTensor>> edit) {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata;
        try (SafetensorsFile f = new SafetensorsFile(weights)) {
            metadata = f.metadata();
            for (String n : f.names()) {
                StoredTensor t = f.get(n);
                ByteBuffer copy = ByteBuffer.allocate(t.data().remaining());
                copy.put(t.data().duplicate()).flip();
                tensors.put(n, new StoredTensor(n, t.dtype(), t.shape(), copy));
            }
        }
        edit.accept(tensors);
        SafetensorsWriter.write(weights, tensors, metadata);
    }

    @Test
    void wrongShapeNamesKeyAndBothShapes() {
        editWeights(t -> t.put(QUERY, StoredTensor.ofFloats(QUERY, new long[] {16, 8}, new float[128])));
        String message = loadFails();
        assertMentions(message, weights.toString(), QUERY, "[16, 8]", "(16, 16)");
        // Tolerating missing or unexpected keys does not make a mis-shaped tensor acceptable.
        assertMentions(loadFails(new WeightLoader.Options(true, true)), QUERY);
    }

    @Test
    void extraTensorFailsStrictButLoadsWhenAllowed() {
        String extra = "bert.encoder.layer.0.attention.self.rotary.weight";
        editWeights(t -> t.put(extra, StoredTensor.ofFloats(extra, new long[] {4}, new float[4])));
        assertMentions(loadFails(), weights.toString(), "unexpected", extra);
        try (LoadedModel loaded = HfDirectory.load(dir, DataType.FLOAT32, new WeightLoader.Options(false, true))) {
            assertEquals(List.of(extra), loaded.report().unexpected());
            assertTrue(loaded.report().missing().isEmpty());
        }
    }

    @Test
    void missingLayerWeightFailsStrictButLoadsWhenAllowed() {
        editWeights(t -> t.remove(FFN_OUT));
        assertMentions(loadFails(), weights.toString(), "missing", FFN_OUT);
        assertMentions(loadFails(new WeightLoader.Options(false, true)), FFN_OUT);
        try (LoadedModel loaded = HfDirectory.load(dir, DataType.FLOAT32, new WeightLoader.Options(true, false))) {
            assertEquals(1, loaded.report().missing().size(), loaded.report().toString());
            assertMentions(loaded.report().missing().get(0), FFN_OUT);
            assertTrue(loaded.model().namedParameters().get("encoder.layers.1.ffn.output.weight").isInitialized());
        }
    }

    @Test
    void wrongDtypeIsWidenedNotRejected() {
        // An F64 tensor in a float32 model is converted; the values survive (they are exact in float32 here).
        float[] original;
        try (SafetensorsFile f = new SafetensorsFile(weights)) {
            original = f.get(QUERY).toFloats();
        }
        editWeights(t -> {
            ByteBuffer b = ByteBuffer.allocate(original.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (float v : original) b.putDouble(v);
            b.flip();
            t.put(QUERY, new StoredTensor(QUERY, TensorDType.F64, new long[] {16, 16}, b));
        });
        try (LoadedModel loaded = HfDirectory.load(dir)) {
            float[] got = loaded.model().namedParameters().get("encoder.layers.0.attention.query.weight").value().toFloatArray();
            assertTrue(Arrays.equals(original, got));
        }
    }

    @Test
    void truncatedWeightsNameTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
        assertMentions(loadFails(), weights.toString(), "truncated");
        Files.write(weights, Arrays.copyOf(bytes, 100)); // inside the JSON header
        assertMentions(loadFails(), weights.toString());
        Files.write(weights, new byte[0]);
        assertMentions(loadFails(), weights.toString());
    }

    @Test
    void missingWeightsFileNamesTheDirectory() throws IOException {
        Files.delete(weights);
        assertMentions(loadFails(), dir.toString(), SafetensorsCheckpoint.SINGLE_NAME);
    }

    @Test
    void missingConfigNamesTheFile() throws IOException {
        Files.delete(config);
        assertMentions(loadFails(), config.toString());
        Files.writeString(config, "{\"model_type\": \"bert\", ");
        assertMentions(loadFails(), config.toString());
    }
}
