package org.bert4j.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.model.Encoder;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RoFormerV2 and GAU-α against the independent float64 reference in shared/fixtures (bert4keras TF names): the
 * embedding output, every layer and the MLM logits at the real positions, ≤ 1e-4 in float32 and ≤ 1e-9 in float64.
 */
class ReferenceFixtureTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"roformer_v2_tiny, float32, 1e-4", "roformer_v2_tiny, float64, 1e-9",
                "gau_alpha_tiny, float32, 1e-4", "gau_alpha_tiny, float64, 1e-9"})
    void matchesReferenceAtEveryLayer(String fixture, String type, double tolerance) throws Exception {
        Path dir = SharedData.fixture(fixture);
        JsonObject expected = JsonParser.parseString(Files.readString(dir.resolve("expected.json"))).getAsJsonObject();
        DataType dataType = type.equals("float64") ? DataType.FLOAT64 : DataType.FLOAT32;
        try (SafetensorsFile weights = new SafetensorsFile(dir.resolve("weights.safetensors"));
             LoadedModel loaded = ModelBuilder.load(HfConfig.read(dir.resolve("config.json")), weights, true,
                     dataType, WeightLoader.Options.STRICT, null);
             NDManager batch = NDManager.newBaseManager()) {
            assertTrue(loaded.report().clean(), loaded.report().toString());
            NDArray ids = batch.create(longs(expected.getAsJsonArray("input_ids")));
            NDArray types = batch.create(longs(expected.getAsJsonArray("token_type_ids")));
            NDArray mask = ids.neq(0).toType(DataType.INT64, false);
            Encoder.Output out = loaded.model().encode(ids, types, mask, false);
            NDArray logits = loaded.model().mlm().logits(out.last());
            JsonArray lengths = expected.getAsJsonArray("valid_lengths");
            int layers = loaded.model().spec().numLayers();
            for (int b = 0; b < lengths.size(); b++) {
                int n = lengths.get(b).getAsInt();
                String rows = b + ", :" + n;
                assertClose(expected.getAsJsonArray("embeddings").get(b), out.hiddenStates().get(0).get(rows), tolerance, fixture + " embeddings " + b);
                for (int l = 0; l < layers; l++) {
                    JsonArray ref = expected.getAsJsonArray("layers").get(b).getAsJsonArray().get(l).getAsJsonArray();
                    assertClose(ref, out.hiddenStates().get(l + 1).get(rows), tolerance, fixture + " layer " + l + " seq " + b);
                }
                assertClose(expected.getAsJsonArray("mlm_logits").get(b), logits.get(rows), tolerance, fixture + " mlm logits " + b);
            }
        }
    }

    static long[][] longs(JsonArray rows) {
        long[][] out = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            JsonArray r = rows.get(i).getAsJsonArray();
            out[i] = new long[r.size()];
            for (int j = 0; j < r.size(); j++) out[i][j] = r.get(j).getAsLong();
        }
        return out;
    }

    static void assertClose(com.google.gson.JsonElement expected, NDArray actual, double tolerance, String what) {
        JsonArray rows = expected.getAsJsonArray();
        double[] got = actual.toType(DataType.FLOAT64, false).toDoubleArray();
        int cols = rows.get(0).getAsJsonArray().size();
        assertEquals(rows.size() * cols, got.length, what + ": shape");
        double max = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<com.google.gson.JsonElement> r = rows.get(i).getAsJsonArray().asList();
            for (int j = 0; j < cols; j++) max = Math.max(max, Math.abs(r.get(j).getAsDouble() - got[i * cols + j]));
        }
        assertTrue(max <= tolerance, what + ": max |Δ| = " + max + " > " + tolerance);
    }
}
