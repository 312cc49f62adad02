package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finetune --task multiple-choice}, {@code evaluate} and {@code predict} end to end on the first 40 C3 dialogue
 * documents (30 to train, 10 as dev, in C3's own layout) with a tiny random BERT whose vocabulary is the slice's
 * characters: best/ is a {@code BertForMultipleChoice} directory, accuracy prints as {@code name: value} with the
 * per-option-count table, and predictions are JSON lines naming one of the line's own options.
 */
class MultipleChoiceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void multipleChoiceModelFinetunesEvaluatesAndPredicts() throws IOException {
        JsonArray documents = JsonParser.parseString(Files.readString(SharedData.data("zh/choice/c3/c3-d-train.json"))).getAsJsonArray();
        JsonArray trainDocs = new JsonArray();
        JsonArray devDocs = new JsonArray();
        TreeSet<String> chars = new TreeSet<>();
        for (int d = 0; d < 40; d++) {
            JsonElement document = documents.get(d);
            (d < 30 ? trainDocs : devDocs).add(document);
            document.toString().codePoints().forEach(c -> chars.add(Character.toString(Character.toLowerCase(c))));
        }
        Path train = Files.writeString(tmp.resolve("c3-train.json"), trainDocs.toString());
        Path dev = Files.writeString(tmp.resolve("c3-dev.json"), devDocs.toString());
        Path model = TinyCharacterModel.write(tmp, chars);

        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.run("finetune", "--task", "multiple-choice", "--model", model.toString(), "--train", train.toString(),
                "--dev", dev.toString(), "--output", out.toString(), "--max-length", "40", "--epochs", "2", "--batch-size", "8",
                "--lr", "1e-3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("accuracy: \\d\\.\\d{4}")), r.out());
        JsonObject saved = JsonParser.parseString(Files.readString(out.resolve("best/config.json"))).getAsJsonObject();
        assertEquals("BertForMultipleChoice", saved.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("multiple-choice", saved.get("bert4j_task").getAsString());

        CliTest.Result eval = CliTest.run("evaluate", out.resolve("best").toString(), dev.toString());
        assertEquals(0, eval.code(), eval.err());
        int questions = devDocs.asList().stream().mapToInt(d -> d.getAsJsonArray().get(1).getAsJsonArray().size()).sum();
        assertTrue(eval.out().startsWith("examples: " + questions + "\naccuracy: "), eval.out());
        assertTrue(eval.out().contains("options  questions  accuracy  chance"), eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.matches("all +" + questions + " +\\d\\.\\d{4} +0\\.\\d{4}")), eval.out());

        String asText = "{\"context\": \"男：你去哪儿？女：我去图书馆。\", \"question\": \"女的去哪儿？\", \"choices\": [\"图书馆\", \"商店\", \"学校\"]}";
        String asTurns = "{\"context\": [\"男：今天冷吗？\", \"女：很冷。\"], \"question\": \"天气怎么样？\", \"choices\": [\"冷\", \"热\"]}";
        Path inputs = Files.writeString(tmp.resolve("inputs.jsonl"), asTurns + "\n");
        CliTest.Result predict = CliTest.run("predict", out.resolve("best").toString(), asText, "--file", inputs.toString());
        assertEquals(0, predict.code(), predict.err());
        List<JsonObject> lines = predict.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(2, lines.size(), predict.out());
        assertEquals("女的去哪儿？", lines.get(0).get("question").getAsString());
        List<String> turns = lines.get(1).getAsJsonArray("context").asList().stream().map(JsonElement::getAsString).toList();
        assertEquals(List.of("男：今天冷吗？", "女：很冷。"), turns);
        for (JsonObject line : lines) {
            JsonArray choices = line.getAsJsonArray("choices");
            int index = line.get("answer_index").getAsInt();
            assertEquals(choices.get(index).getAsString(), line.get("answer").getAsString());
            JsonArray p = line.getAsJsonArray("probabilities");
            assertEquals(choices.size(), p.size());
            double sum = 0;
            for (JsonElement v : p) sum += v.getAsDouble();
            assertEquals(1.0, sum, 1e-6);
        }

        CliTest.Result bad = CliTest.run("predict", out.resolve("best").toString(), "{\"context\": \"短文\", \"question\": \"问\"}");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("input 1: no field \"choices\""), bad.err());
    }
}
