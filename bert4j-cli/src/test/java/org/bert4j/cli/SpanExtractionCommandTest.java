package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonStreamParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finetune --task spans}, {@code evaluate} and {@code predict} end to end on the first 40 CLUENER training
 * texts (30 to train, 10 as dev, one object a line) with a tiny random BERT whose vocabulary is the slice's characters: best/ is a
 * GlobalPointer directory, entity metrics print as {@code name: value}, predictions are JSON lines of entities.
 */
class SpanExtractionCommandTest {

    @TempDir
    Path tmp;

    @Test
    void spanModelFinetunesEvaluatesAndPredicts() throws IOException {
        // The file is pretty-printed JSON objects one after another: take the first 40, one a line.
        List<String> lines = new ArrayList<>();
        try (var in = Files.newBufferedReader(SharedData.data("zh/ner/cluener").resolve("train.json"), StandardCharsets.UTF_8)) {
            JsonStreamParser objects = new JsonStreamParser(in);
            while (lines.size() < 40 && objects.hasNext()) lines.add(objects.next().toString());
        }
        Path train = tmp.resolve("train.json");
        Path dev = tmp.resolve("dev.json");
        Files.write(train, lines.subList(0, 30));
        Files.write(dev, lines.subList(30, 40));
        TreeSet<String> chars = new TreeSet<>();
        for (String line : lines) {
            JsonParser.parseString(line).getAsJsonObject().get("text").getAsString().toLowerCase().codePoints()
                    .forEach(c -> chars.add(Character.toString(c)));
        }
        Path model = TinyCharacterModel.write(tmp, chars);

        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.run("finetune", "--task", "spans", "--model", model.toString(), "--train", train.toString(),
                "--dev", dev.toString(), "--output", out.toString(), "--max-length", "40", "--epochs", "2", "--batch-size", "8",
                "--lr", "1e-3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("f1: \\d\\.\\d{4}")), r.out());
        JsonObject saved = JsonParser.parseString(Files.readString(out.resolve("best/config.json"))).getAsJsonObject();
        assertEquals("BertForGlobalPointer", saved.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("spans", saved.get("bert4j_task").getAsString());

        CliTest.Result eval = CliTest.run("evaluate", out.resolve("best").toString(), dev.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().startsWith("examples: 10\nprecision: "), eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.matches("f1: \\d\\.\\d{4}")), eval.out());

        CliTest.Result predict = CliTest.run("predict", out.resolve("best").toString(), "浙商银行企业信贷部叶老桂博士");
        assertEquals(0, predict.code(), predict.err());
        JsonObject first = JsonParser.parseString(predict.out().lines().findFirst().orElseThrow()).getAsJsonObject();
        assertEquals("浙商银行企业信贷部叶老桂博士", first.get("text").getAsString());
        for (var e : first.getAsJsonArray("entities")) {
            JsonObject span = e.getAsJsonObject();
            assertEquals("浙商银行企业信贷部叶老桂博士".substring(span.get("start").getAsInt(), span.get("end").getAsInt()),
                    span.get("text").getAsString());
        }
    }
}
