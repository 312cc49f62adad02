package org.bert4j.finetune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.MalformedDataException;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.QaSettings;
import org.bert4j.train.run.Overrides;
import org.bert4j.train.run.RunValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finetune --task question-answering} reads its data as SQuAD JSON: without a dev file a seeded share of the
 * questions is held out (and the log says so), the {@code qa.*} settings reach the task, a question whose answer is
 * not at its offset is logged and stays out of training (but is scored), and a broken file or a delimited-text
 * format is an error naming the file.
 */
class QaTaskDataTest {

    @TempDir
    Path tmp;

    /** A SQuAD file of {@code n} questions on one context; question 0's answer_start points at the wrong place. */
    private Path squad(int n) throws IOException {
        String context = "北京是中国的首都，上海是中国最大的城市。";
        JsonArray qas = new JsonArray();
        for (int i = 0; i < n; i++) {
            JsonObject answer = new JsonObject();
            answer.addProperty("text", "北京");
            answer.addProperty("answer_start", i == 0 ? 5 : 0);
            JsonArray answers = new JsonArray();
            answers.add(answer);
            JsonObject q = new JsonObject();
            q.addProperty("id", "q" + i);
            q.addProperty("question", "中国的首都是哪里？" + i);
            q.add("answers", answers);
            qas.add(q);
        }
        JsonObject paragraph = new JsonObject();
        paragraph.addProperty("context", context);
        paragraph.add("qas", qas);
        JsonArray paragraphs = new JsonArray();
        paragraphs.add(paragraph);
        JsonObject article = new JsonObject();
        article.add("paragraphs", paragraphs);
        JsonArray data = new JsonArray();
        data.add(article);
        JsonObject root = new JsonObject();
        root.add("data", data);
        Path file = tmp.resolve("squad.json");
        Files.writeString(file, root.toString());
        return file;
    }

    private FineTuneConfig config(Path train, String... sets) {
        Map<String, RunValues.Value> options = new LinkedHashMap<>();
        options.putAll(Overrides.option("--task", "task", "question-answering", FineTuneSchema.TABLE));
        options.putAll(Overrides.option("--model", "model", "unused", FineTuneSchema.TABLE));
        options.putAll(Overrides.option("--train", "data.train", train.toString(), FineTuneSchema.TABLE));
        options.putAll(Overrides.option("--output", "output.dir", tmp.resolve("out").toString(), FineTuneSchema.TABLE));
        return FineTuneConfig.from(FineTuneConfig.resolve(null, options, new ArrayList<>(List.of(sets))));
    }

    @Test
    void withoutADevFileASeededShareIsHeldOutAndMisplacedAnswersAreNotTrainedOn() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TaskData<?> data = TaskData.load(config(squad(20), "data.dev_fraction=0.25", "qa.doc_stride=32", "qa.max_answer_length=12"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        ExtractiveQa task = assertInstanceOf(ExtractiveQa.class, data.task());
        assertEquals(new QaSettings(32, 64, 12), task.settings());
        assertTrue(data.dev().size() >= 1, "a seeded share (binomial, not exact) is held out");
        assertTrue(data.devOrigin().startsWith(data.dev().size() + " of the 20 examples of squad.json held out"), data.devOrigin());
        assertTrue(data.train().examples().stream().noneMatch(e -> ((QaExample) e).id().equals("q0")), "q0's answer is not at its answer_start");
        boolean misplacedInDev = data.dev().examples().stream().anyMatch(e -> ((QaExample) e).id().equals("q0"));
        assertEquals(misplacedInDev ? 20 : 19, data.train().size() + data.dev().size(), "every other question is trained on or held out");
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("question q0: answer \"北京\" is not at answer_start 5"), "the reader's warning is logged: " + printed);
        assertTrue(printed.contains("no dev file: " + data.devOrigin()), printed);
        assertTrue(misplacedInDev || printed.contains("1 training questions have no answer at its answer_start"), printed);
    }

    /** With a dev file the misplaced answer's question is scored there (by text) but never trained on. */
    @Test
    void aQuestionWhoseAnswerIsNotAtItsOffsetIsScoredButNotTrainedOn() throws IOException {
        Path file = squad(6);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TaskData<?> data = TaskData.load(config(file, "data.dev=" + file), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(5, data.train().size());
        assertEquals(6, data.dev().size());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("1 training questions have no answer at its answer_start: left out of training"),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void brokenJsonNamesTheFileAndLine() throws IOException {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"data\": [\n{\"paragraphs\": [\n{\"context\": \"x\", \"qas\": [}\n]}]}");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TaskData.load(config(broken), TinyTaskModels.QUIET));
        assertTrue(e.getMessage().startsWith(broken + ":3"), e.getMessage());
    }

    @Test
    void aDelimitedFormatIsRefusedNamingTheFile() throws IOException {
        Path file = squad(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskData.load(config(file, "data.format=tsv", "data.dev_fraction=0.25"), TinyTaskModels.QUIET));
        assertTrue(e.getMessage().startsWith(file + ": question answering reads SQuAD JSON"), e.getMessage());
    }
}
