package org.bert4j.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.HeadSpec;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.pretrained.OfflineModels;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continued pre-training starts from a model without pre-training heads: backbone loaded, heads fresh and reported. */
class PretrainingModelsTest {

    @TempDir
    Path tmp;

    /** A tiny BERT saved as an embedding model (no MLM head, no pooler, no NSP), as bge-small-zh is. */
    private Path headlessBert(Path dir) {
        HfConfig config = TinyModels.hf("bert");
        Family family = ModelBuilder.family(config);
        try (EncoderModel m = EncoderModel.create(family.spec(config), HeadSpec.none(), DataType.FLOAT32).initialize(3)) {
            HfDirectory.save(m, family, dir, null);
        }
        return dir;
    }

    @Test
    void backboneIsLoadedAndAbsentHeadsAreFreshAndReported() {
        Path dir = headlessBert(tmp.resolve("headless"));
        try (LoadedModel saved = HfDirectory.load(dir);
             LoadedModel m = PretrainingModels.withPretrainingHeads(dir, 5)) {
            assertTrue(m.model().mlm() != null && m.model().pooler() != null && m.model().sentencePair() != null);
            Map<String, Parameter> original = saved.model().namedParameters();
            Map<String, Parameter> loaded = m.model().namedParameters();
            original.forEach((path, p) -> assertArrayEquals(p.value().toFloatArray(),
                    loaded.get(path).value().toFloatArray(), path + " loaded bit for bit"));
            loaded.forEach((path, p) -> assertNotNull(p.value(), path + " initialised"));
            assertTrue(m.report().missing().stream().anyMatch(s -> s.contains("(mlm.transform.weight)")), m.report().toString());
            assertTrue(m.report().missing().stream().anyMatch(s -> s.contains("(pooler.dense.weight)")), m.report().toString());
            assertTrue(m.report().missing().stream().allMatch(s -> s.contains("(mlm.") || s.contains("(pooler.")
                    || s.contains("(sentence_pair.")), "only heads are missing: " + m.report());
            float[] decoderBias = loaded.get("mlm.bias").value().toFloatArray();
            assertEquals(0f, decoderBias[0], "a fresh head follows the family's initialisation (zero bias)");
        }
    }

    @Test
    void aCheckpointMissingBackboneWeightsIsRefused() throws IOException {
        Path dir = headlessBert(tmp.resolve("broken"));
        // Drop one backbone tensor by saving a model whose table lacks it: simplest is to corrupt the config's depth.
        String config = Files.readString(dir.resolve("config.json")).replace("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 3");
        Files.writeString(dir.resolve("config.json"), config);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PretrainingModels.withPretrainingHeads(dir, 5));
        assertTrue(e.getMessage().contains("backbone weights missing") && e.getMessage().contains("layer.2"), e.getMessage());
    }

    @Test
    @Tag("slow")
    void bgeSmallZhGetsAnMlmHead() {
        try (LoadedModel m = PretrainingModels.withPretrainingHeads(OfflineModels.resolve("bge-small-zh"), 5)) {
            assertNotNull(m.model().mlm());
            assertNotNull(m.tokenizer());
            assertTrue(m.report().missing().stream().anyMatch(s -> s.contains("(mlm.")), m.report().toString());
        }
    }
}
