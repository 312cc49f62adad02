package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.MultipleChoiceExample;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.ChoicePrediction;
import org.bert4j.finetune.task.MultipleChoice;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multiple choice through the real loop on a tiny character-level BERT: 8 C3-like dialogue questions with 2, 3 and 4
 * options (so batches mix sizes) are memorised, and the saved model is HF's {@code BertForMultipleChoice} layout,
 * reloads as a multiple-choice task (by {@code bert4j_task}, and by the architecture alone) and answers the same.
 *
 * <p>The loss bound 0.1 means the gold options get a geometric-mean probability above e^−0.1 = 0.90; an
 * input-blind scorer (equal scores) pays the mean of ln k, here (3·ln 2 + 3·ln 3 + 2·ln 4) / 8 = 0.99.
 */
class MultipleChoiceTrainingTest {

    @TempDir
    Path tmp;

    private static final List<String> NAMES = List.of("小明", "小红", "小刚", "小丽");
    private static final List<String> FRUITS = List.of("苹果", "香蕉", "西瓜", "葡萄");

    /** Who likes which fruit, asked about in a two-turn dialogue; question i has 2 + i % 3 options, the answer at i % k. */
    static List<MultipleChoiceExample> questions() {
        List<MultipleChoiceExample> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = NAMES.get(i % 4);
            String fruit = FRUITS.get((i + i / 4) % 4);
            int k = 2 + i % 3;
            List<String> options = new ArrayList<>();
            for (int j = 1; options.size() < k - 1; j++) options.add(FRUITS.get((FRUITS.indexOf(fruit) + j) % 4));
            options.add(i % k, fruit);
            out.add(new MultipleChoiceExample("d" + i + "#0", List.of("男：" + name + "爱吃什么？", "女：" + fruit + "。"),
                    name + "爱吃什么？", options, i % k));
        }
        return out;
    }

    @Test
    void memorisesQuestionsAndSavesBertForMultipleChoice() throws IOException {
        List<MultipleChoiceExample> questions = questions();
        List<String> texts = new ArrayList<>();
        questions.forEach(q -> {
            texts.addAll(q.context());
            texts.add(q.question());
        });
        MultipleChoice task = new MultipleChoice();
        Path saved = tmp.resolve("saved");
        List<ChoicePrediction> before;
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.characterModel(tmp.resolve("base"), texts, config(), 3), task, 0.0,
                32, 5, TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, questions, LoopKit.settings(60, 4, 1e-2, "accuracy", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<ChoicePrediction> r = LoopKit.evaluate(model, task, questions);
            assertEquals(1.0, r.metrics().get("accuracy"), r.metrics().render());
            assertTrue(r.loss() < 0.1, "loss " + r.loss());
            for (int i = 0; i < questions.size(); i++) {
                ChoicePrediction p = r.predictions().get(i);
                assertEquals(questions.get(i).answer(), p.text());
                assertEquals(questions.get(i).choices().size(), p.probabilities().length);
            }
            before = r.predictions();
            model.save(saved, d -> { });
        }
        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            MultipleChoice loaded = assertInstanceOf(MultipleChoice.class, back.task());
            assertEquals(task.config(), loaded.config());
            assertSame(before, LoopKit.evaluate(back.model(), loaded, questions).predictions());
        }
        Set<String> head = new TreeSet<>();
        try (TensorSource s = SafetensorsCheckpoint.open(saved)) {
            s.names().stream().filter(n -> !n.startsWith("bert.")).forEach(head::add);
            assertArrayEquals(new long[] {1, TinyModels.HIDDEN}, s.get("classifier.weight").shape());
            assertArrayEquals(new long[] {1}, s.get("classifier.bias").shape());
            assertTrue(s.names().contains("bert.pooler.dense.weight"), "BertForMultipleChoice scores the pooled [CLS]");
        }
        assertEquals(Set.of("classifier.bias", "classifier.weight"), head);
        Path configFile = saved.resolve("config.json");
        JsonObject config = JsonParser.parseString(Files.readString(configFile)).getAsJsonObject();
        assertEquals("BertForMultipleChoice", config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("multiple-choice", config.get("bert4j_task").getAsString());
        assertEquals(0.0, config.get("classifier_dropout").getAsDouble());

        // A directory HF wrote has no bert4j_task: the architecture alone says multiple choice.
        config.remove("bert4j_task");
        Files.writeString(configFile, config.toString());
        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            assertSame(before, LoopKit.evaluate(back.model(), assertInstanceOf(MultipleChoice.class, back.task()), questions).predictions());
        }
    }

    /**
     * The tiny BERT with weights drawn at std 0.2, not BERT's 0.02: at 0.02 the options' rows, which differ in two of
     * about twenty tokens, reach the pooler in nearly the same state, so all scores start equal and the gradient
     * norm is about 3e-5, below Adam's epsilon, and the run would test the initialisation instead of the loss. A
     * pre-trained encoder tells its rows apart from the start; 0.2 stands in for that.
     */
    private static JsonObject config() {
        JsonObject c = TinyModels.config("bert");
        c.addProperty("initializer_range", 0.2);
        return c;
    }

    /** Same chosen options, probabilities equal to float precision. */
    private static void assertSame(List<ChoicePrediction> expected, List<ChoicePrediction> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).choice(), actual.get(i).choice(), "question " + i);
            assertArrayEquals(expected.get(i).probabilities(), actual.get(i).probabilities(), 1e-6, "question " + i);
        }
    }
}
