package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finetune --task question-answering}, {@code evaluate} and {@code predict} end to end on the first CMRC 2018
 * trial articles (four to train, two as dev, SQuAD JSON as published) with a tiny random BERT whose vocabulary is
 * their characters: each context of about 400 characters is read in windows of 40 tokens, best/ is a
 * {@code BertForQuestionAnswering} directory, {@code f1} and {@code exact_match} print as {@code name: value}, and a
 * predicted answer is the context's own characters at the offsets it gives.
 */
class QuestionAnsweringCommandTest {

    @TempDir
    Path tmp;

    /** Articles [from, to) of CMRC 2018's trial file as a SQuAD file of their own. */
    private static JsonObject articles(JsonArray all, int from, int to) {
        JsonArray data = new JsonArray();
        for (int i = from; i < to; i++) data.add(all.get(i));
        JsonObject o = new JsonObject();
        o.addProperty("version", "slice");
        o.add("data", data);
        return o;
    }

    @Test
    void qaModelFinetunesEvaluatesAndPredicts() throws IOException {
        JsonArray all = JsonParser.parseString(Files.readString(SharedData.data("zh/mrc/cmrc2018_trial.json"), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("data");
        JsonObject trainJson = articles(all, 0, 4);
        JsonObject devJson = articles(all, 4, 6);
        Path train = tmp.resolve("train.json");
        Path dev = tmp.resolve("dev.json");
        Files.writeString(train, trainJson.toString());
        Files.writeString(dev, devJson.toString());
        TreeSet<String> chars = new TreeSet<>();
        for (JsonElement article : all.asList().subList(0, 6)) {
            for (JsonElement p : article.getAsJsonObject().getAsJsonArray("paragraphs")) {
                JsonObject paragraph = p.getAsJsonObject();
                paragraph.get("context").getAsString().toLowerCase().codePoints().forEach(c -> chars.add(Character.toString(c)));
                for (JsonElement q : paragraph.getAsJsonArray("qas")) {
                    q.getAsJsonObject().get("question").getAsString().toLowerCase().codePoints().forEach(c -> chars.add(Character.toString(c)));
                }
            }
        }
        Path model = TinyCharacterModel.write(tmp, chars);

        Path out = tmp.resolve("run");
        CliTest.Result r = CliTest.run("finetune", "--task", "question-answering", "--model", model.toString(), "--train", train.toString(),
                "--dev", dev.toString(), "--output", out.toString(), "--max-length", "40", "--epochs", "2", "--batch-size", "16",
                "--lr", "1e-3", "--set", "qa.max_answer_length=12");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("f1: \\d\\.\\d{4}")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\d+ training windows, \\d+ dev windows .*")), r.out());
        JsonObject saved = JsonParser.parseString(Files.readString(out.resolve("best/config.json"))).getAsJsonObject();
        assertEquals("BertForQuestionAnswering", saved.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("question-answering", saved.get("bert4j_task").getAsString());
        assertEquals(12, saved.get("bert4j_max_answer_length").getAsInt(), "the answer limit travels with the model");

        CliTest.Result eval = CliTest.run("evaluate", out.resolve("best").toString(), dev.toString());
        assertEquals(0, eval.code(), eval.err());
        int devQuestions = 0;
        for (JsonElement article : devJson.getAsJsonArray("data")) {
            for (JsonElement p : article.getAsJsonObject().getAsJsonArray("paragraphs")) devQuestions += p.getAsJsonObject().getAsJsonArray("qas").size();
        }
        assertTrue(eval.out().startsWith("examples: " + devQuestions + "\nf1: "), eval.out());
        assertTrue(eval.out().lines().anyMatch(l -> l.matches("exact_match: \\d\\.\\d{4}")), eval.out());

        JsonObject paragraph = all.get(6).getAsJsonObject().getAsJsonArray("paragraphs").get(0).getAsJsonObject();
        String context = paragraph.get("context").getAsString();
        JsonObject input = new JsonObject();
        input.addProperty("id", "mine");
        input.addProperty("question", paragraph.getAsJsonArray("qas").get(0).getAsJsonObject().get("question").getAsString());
        input.addProperty("context", context);
        CliTest.Result predict = CliTest.run("predict", out.resolve("best").toString(), input.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(1, lines.size(), predict.out());
        JsonObject answer = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("mine", answer.get("id").getAsString());
        String text = answer.get("answer").getAsString();
        assertEquals(context.substring(answer.get("start").getAsInt(), answer.get("end").getAsInt()), text);
        assertTrue(!text.isEmpty(), predict.out());

        CliTest.Result broken = CliTest.run("predict", out.resolve("best").toString(), "{\"question\": \"谁？\"}");
        assertNotEquals(0, broken.code());
        assertTrue(broken.err().contains("input 1: ") && broken.err().contains("\"context\""), broken.err());
    }
}
