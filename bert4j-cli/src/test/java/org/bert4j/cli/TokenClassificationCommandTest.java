package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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
 * {@code finetune --task token-classification[-crf]}, {@code evaluate} and {@code predict} end to end on the first 40
 * sentences of the résumé NER training file and 20 of its dev file (BMES lines, read by the {@code .bmes}
 * extension), with a tiny random BERT whose vocabulary is the slice's characters: best/ is an HF token-classification
 * directory, entity metrics print as {@code name: value}, predictions are JSON lines with tokens, tags and entities.
 */
class TokenClassificationCommandTest {

    @TempDir
    static Path tmp;

    static Path train;
    static Path dev;
    static Path model;

    @BeforeAll
    static void sliceDataAndMakeAModel() throws IOException {
        Path data = SharedData.data("zh/ner/resume");
        train = tmp.resolve("train.char.bmes");
        dev = tmp.resolve("dev.char.bmes");
        Files.write(train, Files.readAllLines(data.resolve("train.char.bmes"), StandardCharsets.UTF_8).subList(0, 40));
        Files.write(dev, Files.readAllLines(data.resolve("dev.char.bmes"), StandardCharsets.UTF_8).subList(0, 20));
        TreeSet<String> chars = new TreeSet<>();
        for (Path p : List.of(train, dev)) {
            for (String line : Files.readAllLines(p)) for (String c : line.split("\t")[0].split(" ")) chars.add(c.toLowerCase());
        }
        model = TinyCharacterModel.write(tmp, chars);
    }

    private static String[] finetune(String task, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("finetune", "--task", task, "--model", model.toString(), "--train", train.toString(),
                "--output", out.toString(), "--max-length", "40", "--epochs", "2", "--batch-size", "8", "--lr", "1e-3"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void crfTaggerFinetunesEvaluatesAndPredicts() throws IOException {
        Path out = tmp.resolve("crf");
        CliTest.Result r = CliTest.run(finetune("token-classification-crf", out, "--dev", dev.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("f1: \\d\\.\\d{4}")), r.out());
        assertTrue(r.out().contains("sentences are longer than 40 tokens"), "the résumé slice has long sentences: " + r.out());
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("best/config.json"))).getAsJsonObject();
        assertEquals("BertForTokenClassification", config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("O", config.getAsJsonObject("id2label").get("0").getAsString());
        assertTrue(config.get("crf").getAsBoolean());
        assertEquals("token-classification-crf", config.get("bert4j_task").getAsString());

        CliTest.Result eval = CliTest.run("evaluate", out.resolve("best").toString(), dev.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().startsWith("examples: 20\nprecision: "), eval.out());
        for (String metric : List.of("precision", "recall", "macro_f1", "token_accuracy", "loss")) {
            assertTrue(eval.out().lines().anyMatch(l -> l.matches(metric + ": \\d+\\.\\d+")), metric + " in " + eval.out());
        }
        assertTrue(eval.out().contains("BMES"), eval.out());

        CliTest.Result predict = CliTest.run("predict", out.resolve("best").toString(), "张三，男，汉族，北京大学本科", "无");
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(2, lines.size(), predict.out());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("张三，男，汉族，北京大学本科", first.get("text").getAsString());
        JsonArray tokens = first.getAsJsonArray("tokens");
        assertEquals(14, tokens.size());
        assertEquals("张", tokens.get(0).getAsString());
        assertEquals(14, first.getAsJsonArray("tags").size());
        for (var e : first.getAsJsonArray("entities")) {
            JsonObject span = e.getAsJsonObject();
            int start = span.get("start").getAsInt();
            int end = span.get("end").getAsInt();
            assertEquals("张三，男，汉族，北京大学本科".substring(start, end), span.get("text").getAsString());
        }
    }

    @Test
    void softmaxTaggerTrainsOnAHeldOutSplit() {
        Path out = tmp.resolve("softmax");
        CliTest.Result r = CliTest.run(finetune("token-classification", out, "--format", "bmes-lines"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("held out"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("best/model.safetensors")));
        CliTest.Result wrongFormat = CliTest.run(finetune("token-classification", tmp.resolve("tsv"), "--format", "tsv"));
        assertEquals(1, wrongFormat.code());
        assertTrue(wrongFormat.err().contains("conll"), wrongFormat.err());
    }
}
