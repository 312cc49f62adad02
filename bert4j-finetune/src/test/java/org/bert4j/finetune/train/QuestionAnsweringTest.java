package org.bert4j.finetune.train;

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
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.QaAnswer;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.AnswerSpan;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.QaSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extractive QA on a tiny character-level BERT through the real loop: six questions whose contexts need four
 * windows each at length 32 (𫚭, outside the BMP, in one answer and before others) are memorised, loss below 0.05 and
 * every answer exact; the saved model is an HF {@code BertForQuestionAnswering} directory ({@code qa_outputs.*}) that
 * reloads as the same task, with the same answers, also when only HF's keys are left in its config.json.
 */
class QuestionAnsweringTest {

    @TempDir
    Path tmp;

    /** Filler characters; the code-point offset of 𫚭 is what would shift later answers if offsets were mishandled. */
    private static final String[] FILLER = {"的", "了", "是", "在", "有", "和", "我", "他", "就", "也", "不", "人", "都", "说", "要", "𫚭"};
    private static final QaSettings SETTINGS = new QaSettings(8, 8, 8);

    /** Question, answer and the sentence around it; the context is filler, that sentence, filler (about 40 characters). */
    private static final String[][] FACTS = {
            {"谁去了北京？", "张三", "张三去了北京"},
            {"李四去了哪里？", "上海", "李四去了上海"},
            {"王五喜欢什么？", "𫚭鱼", "王五喜欢𫚭鱼"},
            {"谁在广州工作？", "赵六", "赵六在广州工作"},
            {"钱七几点起床？", "七点", "钱七七点起床"},
            {"孙八买了什么？", "新书", "孙八买了新书"}};

    static List<QaExample> questions() {
        Random random = new Random(5);
        List<QaExample> out = new ArrayList<>();
        for (int q = 0; q < FACTS.length; q++) {
            StringBuilder context = new StringBuilder();
            int before = 4 + random.nextInt(26); // the answer lands in the first, middle or last window
            for (int i = 0; i < before; i++) context.append(FILLER[random.nextInt(FILLER.length)]);
            int start = context.length() + FACTS[q][2].indexOf(FACTS[q][1]);
            context.append(FACTS[q][2]);
            while (context.codePointCount(0, context.length()) < 44) context.append(FILLER[random.nextInt(FILLER.length)]);
            out.add(new QaExample("q" + q, null, context.toString(), FACTS[q][0], List.of(new QaAnswer(FACTS[q][1], start))));
        }
        return out;
    }

    @Test
    void memorisesAnswersAcrossWindowsAndReloadsThem() throws IOException {
        List<QaExample> questions = questions();
        List<String> texts = questions.stream().flatMap(q -> Stream.of(q.question(), q.context())).toList();
        ExtractiveQa task = new ExtractiveQa(SETTINGS);
        Path saved = tmp.resolve("saved");
        List<AnswerSpan> before;
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.characterModel(tmp.resolve("base"), texts, 3), task, Double.NaN,
                32, 5, TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, questions, LoopKit.settings(30, 4, 1e-2, "f1", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<AnswerSpan> r = LoopKit.evaluate(model, task, questions);
            assertTrue(r.loss() < 0.05, "loss " + r.loss());
            for (int i = 0; i < questions.size(); i++) {
                QaAnswer gold = questions.get(i).answers().get(0);
                AnswerSpan got = r.predictions().get(i);
                assertEquals(gold.text(), got.text(), questions.get(i).question());
                assertEquals(gold.start(), got.start(), questions.get(i).question());
            }
            assertEquals(1.0, r.metrics().get("f1"), r.metrics().render());
            assertEquals(1.0, r.metrics().get("exact_match"), r.metrics().render());
            before = r.predictions();
            model.save(saved, d -> { });
        }
        assertTrue(questions.stream().filter(q -> q.context().contains("𫚭") && q.context().indexOf("𫚭") < q.answers().get(0).start())
                        .count() >= 2,
                "some answers come after a character outside the BMP");

        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            ExtractiveQa loaded = assertInstanceOf(ExtractiveQa.class, back.task());
            assertEquals(SETTINGS, loaded.settings(), "the windows and the answer limit come back from config.json");
            assertEquals(task.config(), loaded.config());
            assertEquals(before, LoopKit.evaluate(back.model(), loaded, questions).predictions());
        }
        Set<String> head = new TreeSet<>();
        try (TensorSource s = SafetensorsCheckpoint.open(saved)) {
            s.names().stream().filter(n -> !n.startsWith("bert.")).forEach(head::add);
        }
        assertEquals(Set.of("qa_outputs.weight", "qa_outputs.bias"), head);
        JsonObject config = JsonParser.parseString(Files.readString(saved.resolve("config.json"))).getAsJsonObject();
        assertEquals("BertForQuestionAnswering", config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals("question-answering", config.get("bert4j_task").getAsString());
        assertEquals(2, config.get("num_labels").getAsInt(), "HF's QA classes size qa_outputs by num_labels");

        // As HF would save it: no bert4j keys. The architecture alone says QA; the settings take their defaults.
        for (String key : List.of("bert4j_task", QaSettings.DOC_STRIDE_KEY, QaSettings.MAX_QUESTION_LENGTH_KEY, QaSettings.MAX_ANSWER_LENGTH_KEY)) {
            config.remove(key);
        }
        Files.writeString(saved.resolve("config.json"), config.toString());
        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            assertEquals(QaSettings.DEFAULTS, assertInstanceOf(ExtractiveQa.class, back.task()).settings());
        }
    }
}
