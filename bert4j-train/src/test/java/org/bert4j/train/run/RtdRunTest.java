package org.bert4j.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.testing.SharedData;
import org.bert4j.train.data.TestCorpora;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.rtd.GeneratorDiscriminator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replaced-token detection through the whole run (FewCLUE text, the real bge-small-zh tokenizer, tiny ELECTRA and
 * DeBERTaV3 configs): checkpoints hold the discriminator, {@code generator/} and, under GDES, the residual tables;
 * the saved discriminator has E_G + E_Δ folded in; and a resumed run gives the losses and files of an uninterrupted
 * one bit for bit.
 */
class RtdRunTest {

    private static final Path TNEWS = SharedData.data("zh/corpus/fewclue_unlabeled/tnews.json");

    @TempDir
    Path tmp;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Path config(String family) throws IOException {
        Path file = tmp.resolve(family + ".json");
        String extra = family.equals("electra") ? "\"embedding_size\": 16, \"max_position_embeddings\": 64"
                : "\"relative_attention\": true, \"position_buckets\": 8, \"max_relative_positions\": 32, "
                        + "\"pos_att_type\": [\"p2c\", \"c2p\"], \"share_att_key\": true, \"norm_rel_ebd\": \"layer_norm\", "
                        + "\"position_biased_input\": false, \"type_vocab_size\": 0";
        Files.writeString(file, "{\"model_type\": \"" + family + "\", \"vocab_size\": 21128, \"hidden_size\": 32, "
                + "\"num_hidden_layers\": 2, \"num_attention_heads\": 2, \"intermediate_size\": 64, " + extra + "}");
        return file;
    }

    private PretrainingConfig run(Path out, String family, String sharing, String depth, long steps) throws IOException {
        List<String> sets = new ArrayList<>(List.of("model=" + config(family), "tokenizer=" + TestCorpora.chineseTokenizer(),
                "corpus.paths=" + TNEWS, "corpus.cache_dir=" + tmp.resolve("cache"), "corpus.max_documents=200",
                "output.dir=" + out, "inputs.max_length=48", "train.batch_size=8", "train.log_every=1", "eval.every=0",
                "eval.fraction=0.05", "eval.max_batches=2", "checkpoint.every=3", "schedule.kind=constant",
                "schedule.warmup_steps=2", "optimizer.lr=1e-3", "objective.kind=rtd", "masking.mask_fraction=0.85",
                "masking.random_fraction=0", "generator.width_fraction=0.5", "generator.depth_fraction=" + depth,
                "generator.embedding_sharing=" + sharing, "train.steps=" + steps));
        return PretrainingConfig.from(RunLayers.resolve(null, Map.of(), sets));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"electra, shared, 1.0", "deberta-v2, gdes, 0.5", "electra, gdes, 1.0"})
    void resumedRtdRunEqualsUninterruptedRun(String family, String sharing, String depth) throws IOException {
        PretrainingRun.Outcome straight = PretrainingRun.run(run(tmp.resolve("a"), family, sharing, depth, 6), false, log);
        PretrainingRun.run(run(tmp.resolve("b"), family, sharing, depth, 3), false, log);
        PretrainingRun.Outcome resumed = PretrainingRun.run(run(tmp.resolve("b"), family, sharing, depth, 6), true, log);

        List<JsonObject> a = trainRecords(straight);
        assertEquals(6, a.size());
        assertEquals(losses(a), losses(trainRecords(resumed)), "per-step losses, bit for bit");
        assertTrue(a.get(5).get("rtd_loss").getAsDouble() > 0 && a.get(5).has("mlm_loss") && a.get(5).has("rtd_replaced_fraction"),
                a.get(5).toString());
        List<String> files = new ArrayList<>(List.of("model.safetensors", "optimizer.safetensors",
                GeneratorDiscriminator.GENERATOR_DIR + "/model.safetensors", GeneratorDiscriminator.GENERATOR_DIR + "/config.json"));
        if (sharing.equals("gdes")) files.add(GeneratorDiscriminator.GDES_DELTA);
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(straight.checkpoint().resolve(f)), Files.readAllBytes(resumed.checkpoint().resolve(f)), f);
        }
        try (LoadedModel discriminator = HfDirectory.load(straight.checkpoint());
             LoadedModel generator = HfDirectory.load(straight.checkpoint().resolve(GeneratorDiscriminator.GENERATOR_DIR))) {
            assertTrue(discriminator.model().replacedTokenDetection() != null && discriminator.model().mlm() == null);
            assertTrue(generator.model().mlm() != null && generator.model().replacedTokenDetection() == null);
            assertEquals(discriminator.family().modelType(), generator.family().modelType());
            float[] saved = discriminator.model().encoder().embeddings().tokens().weight().value().toFloatArray();
            float[] base = generator.model().encoder().embeddings().tokens().weight().value().toFloatArray();
            if (sharing.equals("shared")) {
                assertArrayEquals(base, saved, "one table");
            } else {
                float[] delta = residual(straight.checkpoint());
                for (int i = 0; i < saved.length; i += 997) assertEquals(base[i] + delta[i], saved[i], 0f, "E_D = E_G + E_Δ at " + i);
            }
        }
    }

    private static float[] residual(Path checkpoint) {
        try (TensorSource s = SafetensorsCheckpoint.open(checkpoint.resolve(GeneratorDiscriminator.GDES_DELTA))) {
            return s.get("encoder.embeddings.tokens.weight").toFloats();
        }
    }

    private static List<JsonObject> trainRecords(PretrainingRun.Outcome o) {
        return MetricsLog.read(o.metrics()).stream().filter(r -> r.get("kind").getAsString().equals(MetricsLog.TRAIN)).toList();
    }

    private static List<Double> losses(List<JsonObject> records) {
        return records.stream().map(r -> r.get("loss").getAsDouble()).toList();
    }
}
