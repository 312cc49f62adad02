package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finetune}, {@code evaluate} and {@code predict} end to end on a slice of the real ChnSentiCorp files
 * (60 training and 30 dev reviews, {@code text<TAB>positive|negative}, no header) with a tiny random BERT whose
 * vocabulary is the slice's characters: the outputs exist and are an HF classification directory, the metrics
 * print as {@code name: value}, predictions are JSON lines from arguments, a file or standard input, and bad data
 * stops the run at its file and line unless skipped.
 */
class FinetuneCommandTest {

    @TempDir
    static Path tmp;

    static Path train;
    static Path dev;
    static Path model;

    @BeforeAll
    static void sliceDataAndMakeAModel() throws IOException {
        Path data = SharedData.data("zh/classification/chnsenticorp");
        train = tmp.resolve("train.tsv");
        dev = tmp.resolve("dev.tsv");
        Files.write(train, Files.readAllLines(data.resolve("train.tsv"), StandardCharsets.UTF_8).subList(0, 60));
        Files.write(dev, Files.readAllLines(data.resolve("dev.tsv"), StandardCharsets.UTF_8).subList(0, 30));
        TreeSet<String> chars = new TreeSet<>();
        for (Path p : List.of(train, dev)) {
            for (String line : Files.readAllLines(p)) line.split("\t")[0].codePoints().forEach(c -> chars.add(Character.toString(c)));
        }
        model = TinyCharacterModel.write(tmp, chars);
    }

    private static String[] finetune(Path out, String trainFile, String... extra) {
        List<String> a = new ArrayList<>(List.of("finetune", "--task", "classification", "--model", model.toString(), "--train", trainFile,
                "--output", out.toString(), "--max-length", "32", "--epochs", "2", "--batch-size", "8", "--lr", "1e-3",
                "--set", "train.log_every=2"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void finetunesEvaluatesPredictsAndResumes() throws IOException {
        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.run(finetune(out, train.toString(), "--dev", dev.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("best:        " + out.resolve("best")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("accuracy: \\d\\.\\d{4}")), r.out());
        assertTrue(r.out().contains("examples/s"), r.out());
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("best/config.json"))).getAsJsonObject();
        assertEquals("BertForSequenceClassification", config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("negative", config.getAsJsonObject("id2label").get("0").getAsString());
        assertEquals("positive", config.getAsJsonObject("id2label").get("1").getAsString());
        assertEquals(32, config.get("bert4j_max_length").getAsInt());
        for (String f : List.of("best/labels.json", "best/eval_results.json", "best/tokenizer.json", "best/model.safetensors",
                "metrics.jsonl", "loss.png", "run.json", "checkpoints/step-000016/optimizer.safetensors")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("metrics.jsonl")).contains("\"kind\":\"eval\""));

        CliTest.Result again = CliTest.run(finetune(out, train.toString(), "--dev", dev.toString()));
        assertEquals(1, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        CliTest.Result resumed = CliTest.run(finetune(out, train.toString(), "--dev", dev.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming " + out.resolve("checkpoints/step-000016") + " at step 16"), resumed.out());

        CliTest.Result eval = CliTest.run("evaluate", out.resolve("best").toString(), dev.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().startsWith("examples: 30\naccuracy: "), eval.out());
        assertTrue(eval.out().contains("macro_f1: ") && eval.out().contains("gold\\pred"), eval.out());

        CliTest.Result bench = CliTest.run("bench", "--task-model", out.resolve("best").toString(), "--data", dev.toString(),
                "--batch", "8", "--warmup", "1", "--iterations", "1");
        assertEquals(0, bench.code(), bench.err());
        List<String> benchLines = bench.out().lines().toList();
        assertTrue(benchLines.get(benchLines.size() - 1).matches("predict examples/s: \\d+\\.\\d"), bench.out());
        assertTrue(bench.out().contains("30 examples of " + dev), bench.out());

        CliTest.Result args = CliTest.run("predict", out.resolve("best").toString(), "房间很干净，服务很好", "太差了，再也不来了");
        assertEquals(0, args.code(), args.err());
        List<String> lines = args.out().lines().toList();
        assertEquals(2, lines.size(), args.out());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("房间很干净，服务很好", first.get("text").getAsString());
        assertTrue(List.of("negative", "positive").contains(first.get("label").getAsString()));
        double sum = first.getAsJsonObject("probabilities").get("negative").getAsDouble()
                + first.getAsJsonObject("probabilities").get("positive").getAsDouble();
        assertEquals(1.0, sum, 1e-6);

        Path inputs = tmp.resolve("inputs.txt");
        Files.writeString(inputs, "不错\n\n一般\n");
        CliTest.Result fromFile = CliTest.run("predict", out.resolve("best").toString(), "--file", inputs.toString());
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(2, fromFile.out().lines().count(), "blank lines are not inputs: " + fromFile.out());
        Path broken = tmp.resolve("broken.txt");
        Files.write(broken, new byte[] {'o', 'k', '\n', (byte) 0xE5, (byte) 0xA5, '\n'}); // a cut-off UTF-8 character
        CliTest.Result notUtf8 = CliTest.run("predict", out.resolve("best").toString(), "--file", broken.toString());
        assertEquals(1, notUtf8.code());
        assertTrue(notUtf8.err().contains(broken + ":2: not valid UTF-8 text"), notUtf8.err());
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("很好\n".getBytes(StandardCharsets.UTF_8)));
            CliTest.Result fromStdin = CliTest.run("predict", out.resolve("best").toString());
            assertEquals(0, fromStdin.code(), fromStdin.err());
            assertTrue(fromStdin.out().startsWith("{\"text\":\"很好\",\"label\":"), fromStdin.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aBadLineStopsTheRunAtItsLineUnlessSkippedAndNoDevSplitsTraining() throws IOException {
        Path bad = tmp.resolve("bad.tsv");
        List<String> lines = new ArrayList<>(Files.readAllLines(train, StandardCharsets.UTF_8));
        lines.add(7, "这一行没有标签");
        Files.write(bad, lines);
        CliTest.Result r = CliTest.run(finetune(tmp.resolve("bad-run"), bad.toString(), "--dev", dev.toString()));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":8: wrong column count"), r.err());

        CliTest.Result skipped = CliTest.run(finetune(tmp.resolve("skip-run"), bad.toString(), "--skip-bad-lines", "--set", "train.epochs=1"));
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.out().contains("1 malformed records skipped") && skipped.out().contains(bad + ":8"), skipped.out());
        assertTrue(skipped.out().contains("no dev file: ") && skipped.out().contains("of the 60 examples of bad.tsv held out"), skipped.out());
        assertTrue(skipped.out().contains("dev:         "), skipped.out());
    }

    @Test
    void taskAdaptivePretrainingRunsFirstWhenAsked() {
        Path out = tmp.resolve("tapt-run");
        CliTest.Result r = CliTest.run(finetune(out, train.toString(), "--dev", dev.toString(), "--tapt-steps", "2",
                "--set", "train.epochs=1"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("task-adaptive pre-training: 2 MLM steps on 60 training texts"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("tapt/checkpoints/step-000002/model.safetensors")));
        assertTrue(r.out().contains("not used (pre-training or other heads): "), "the MLM head TAPT trained is left out: " + r.out());
        assertTrue(Files.isRegularFile(out.resolve("best/model.safetensors")));
    }

    @Test
    void badSettingsAreNamed() throws IOException {
        Path run = tmp.resolve("finetune.yaml");
        Files.writeString(run, "train:\n  epochs: 2\n  ema: 0.99\n");
        CliTest.Result r = CliTest.run(finetune(tmp.resolve("x"), train.toString(), "--run", run.toString()));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(run + ":3: unknown key 'train.ema' (did you mean train.epochs?)")
                || r.err().contains(run + ":3: unknown key 'train.ema'"), r.err());
        CliTest.Result task = CliTest.run("finetune", "--task", "ner", "--model", "m", "--train", "t", "--output", "o");
        assertEquals(1, task.code());
        assertTrue(task.err().contains("--task ner: key 'task' must be one of"), task.err());
        CliTest.Result list = CliTest.run("finetune", "--list-settings");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("optimizer.layer_decay") && list.out().contains("eval.patience"), list.out());
    }
}
