package org.bert4j.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
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
import javax.imageio.ImageIO;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.HeadSpec;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.SharedData;
import org.bert4j.train.data.TestCorpora;
import org.bert4j.train.loop.CheckpointStore;
import org.bert4j.train.report.LossCurvePlot;
import org.bert4j.train.report.MetricsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs on the FewCLUE corpus with the real bge-small-zh tokenizer: from a preset, resumed, and continued. */
class PretrainingRunTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private static final Path TNEWS = SharedData.data("zh/corpus/fewclue_unlabeled/tnews.json");

    private PretrainingConfig config(Path out, String... sets) {
        List<String> all = new ArrayList<>(List.of("tokenizer=" + TestCorpora.chineseTokenizer(), "corpus.paths=" + TNEWS,
                "corpus.cache_dir=" + tmp.resolve("cache"), "output.dir=" + out, "inputs.max_length=48",
                "train.batch_size=8", "train.log_every=5", "eval.fraction=0.05", "eval.max_batches=2"));
        all.addAll(List.of(sets));
        return PretrainingConfig.from(RunLayers.resolve(null, Map.of(), all));
    }

    private static List<JsonObject> kind(List<JsonObject> records, String kind) {
        return records.stream().filter(r -> r.get("kind").getAsString().equals(kind)).toList();
    }

    @Test
    void tinyRoFormerV2FromItsPresetLearnsAndLeavesCheckpointMetricsAndPicture() throws IOException {
        Path out = tmp.resolve("run");
        PretrainingRun.Outcome o = PretrainingRun.run(config(out, "model=roformer_v2-tiny", "corpus.max_documents=600",
                "train.steps=20", "optimizer.lr=1e-2", "schedule.warmup_steps=2", "train.residual_warmup_steps=5",
                "eval.every=10", "checkpoint.every=10", "checkpoint.keep=1"), false, log);
        List<JsonObject> records = MetricsLog.read(o.metrics());
        List<JsonObject> train = kind(records, MetricsLog.TRAIN);
        double first = train.get(0).get("loss").getAsDouble();
        double last = train.get(train.size() - 1).get("loss").getAsDouble();
        assertTrue(first > 9 && last < first - 0.7, "MLM loss from about ln(21128) ≈ 10 goes down: " + first + " → " + last);
        List<JsonObject> eval = kind(records, MetricsLog.EVAL);
        assertEquals(List.of(0L, 10L, 20L), eval.stream().map(e -> e.get("step").getAsLong()).toList(),
                "held-out evaluations before the first step, at 10 and at 20");
        double before = eval.get(0).get("mlm_loss").getAsDouble(), after = eval.get(2).get("mlm_loss").getAsDouble();
        assertTrue(after < before - 0.7, "held-out MLM loss " + before + " → " + after);
        assertEquals(out.resolve("checkpoints/" + CheckpointStore.name(20)), o.checkpoint());
        assertEquals(List.of(o.checkpoint()), new CheckpointStore(out.resolve("checkpoints"), 1).complete(), "keep 1");
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "optimizer.safetensors",
                "trainer_state.json", "run.json", CheckpointStore.COMPLETE)) {
            assertTrue(Files.isRegularFile(o.checkpoint().resolve(f)), f);
        }
        try (LoadedModel m = HfDirectory.load(o.checkpoint())) {
            assertEquals("roformer_v2", m.family().modelType());
            assertEquals(21128, m.model().spec().vocabSize(), "sized to the tokenizer");
        }
        assertEquals(LossCurvePlot.WIDTH, ImageIO.read(o.lossCurve().toFile()).getWidth(), "loss.png decodes");
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("unigram baseline"), "the floor is reported");
    }

    /** A BERT config with a vocabulary the size of bge-small-zh's but two 32-wide layers: seconds per run. */
    private Path smallBertConfig() throws IOException {
        Path file = tmp.resolve("small-bert.json");
        Files.writeString(file, """
                {"model_type": "bert", "vocab_size": 21128, "hidden_size": 32, "num_hidden_layers": 2,
                 "num_attention_heads": 2, "intermediate_size": 64, "max_position_embeddings": 64}
                """);
        return file;
    }

    @Test
    void resumeRefusesChangedDataSettingsAndContinuesTheRun() throws IOException {
        Path out = tmp.resolve("resume");
        String model = "model=" + smallBertConfig();
        String[] base = {model, "corpus.max_documents=200", "checkpoint.every=3", "eval.every=3"};
        PretrainingRun.run(config(out, concat(base, "train.steps=6")), false, log);
        IllegalArgumentException fresh = assertThrows(IllegalArgumentException.class,
                () -> PretrainingRun.run(config(out, concat(base, "train.steps=9")), false, log));
        assertTrue(fresh.getMessage().contains("already has checkpoints"), fresh.getMessage());
        RunConfigException changed = assertThrows(RunConfigException.class,
                () -> PretrainingRun.run(config(out, concat(base, "train.steps=9", "train.seed=7")), true, log));
        assertTrue(changed.getMessage().contains("train.seed was 42.0, now 7.0"), changed.getMessage());
        PretrainingRun.Outcome o = PretrainingRun.run(config(out, concat(base, "train.steps=9")), true, log);
        assertEquals(9, o.state().step());
        List<Long> steps = kind(MetricsLog.read(o.metrics()), MetricsLog.TRAIN).stream().map(r -> r.get("step").getAsLong()).toList();
        assertEquals(List.of(3L, 5L, 6L, 9L), steps, "lines end at checkpoints; none repeated after the resume");
    }

    /** Through the whole pipeline (corpus cache, packing, masks, dropout, AdamW, files): bit for bit. */
    @Test
    void resumedRunEqualsUninterruptedRun() throws IOException {
        String[] base = {"model=" + smallBertConfig(), "corpus.max_documents=200", "train.log_every=1", "eval.every=0",
                "checkpoint.every=4", "schedule.kind=constant", "schedule.warmup_steps=2", "optimizer.lr=1e-3",
                "train.accumulation=2"};
        PretrainingRun.Outcome straight = PretrainingRun.run(config(tmp.resolve("a"), concat(base, "train.steps=8")), false, log);
        PretrainingRun.run(config(tmp.resolve("b"), concat(base, "train.steps=4")), false, log);
        PretrainingRun.Outcome resumed = PretrainingRun.run(config(tmp.resolve("b"), concat(base, "train.steps=8")), true, log);
        List<Double> a = kind(MetricsLog.read(straight.metrics()), MetricsLog.TRAIN).stream().map(r -> r.get("loss").getAsDouble()).toList();
        List<Double> b = kind(MetricsLog.read(resumed.metrics()), MetricsLog.TRAIN).stream().map(r -> r.get("loss").getAsDouble()).toList();
        assertEquals(8, a.size());
        assertEquals(a, b);
        assertArrayEquals(Files.readAllBytes(straight.checkpoint().resolve("model.safetensors")),
                Files.readAllBytes(resumed.checkpoint().resolve("model.safetensors")), "final weights");
        assertArrayEquals(Files.readAllBytes(straight.checkpoint().resolve("optimizer.safetensors")),
                Files.readAllBytes(resumed.checkpoint().resolve("optimizer.safetensors")), "final optimiser state");
    }

    @Test
    void continuedPretrainingOfAModelWithoutHeads() throws IOException {
        HfConfig config = HfConfig.read(smallBertConfig());
        Family family = ModelBuilder.family(config);
        Path dir = tmp.resolve("embedding-model");
        try (EncoderModel m = EncoderModel.create(family.spec(config), HeadSpec.none(), DataType.FLOAT32).initialize(1)) {
            HfDirectory.save(m, family, dir, TestCorpora.chineseTokenizer());
        }
        Path out = tmp.resolve("continued");
        PretrainingRun.Outcome o = PretrainingRun.run(config(out, "model=" + dir, "tokenizer=", "corpus.max_documents=100",
                "train.steps=4", "eval.every=0"), false, log);
        String printed = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("continued pre-training of " + dir) && printed.contains("freshly initialised")
                && printed.contains("cls.predictions.transform.dense.weight"), printed);
        try (LoadedModel m = HfDirectory.load(o.checkpoint())) {
            assertNotNull(m.model().mlm(), "the checkpoint has the MLM head now");
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
