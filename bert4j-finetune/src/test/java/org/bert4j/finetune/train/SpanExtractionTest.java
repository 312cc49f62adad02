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
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.data.SpanAnnotatedText;
import org.bert4j.finetune.head.GlobalPointer;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.SpanExtraction;
import org.bert4j.finetune.task.SpanPrediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GlobalPointer span task on a tiny character-level BERT: it memorises 8 texts with nested entities (a company
 * name inside an organisation) through the real loop, entity F1 = 1, and the saved model reloads with the same
 * spans under bert4j's names ({@code global_pointer.p_dense.*}, {@code global_pointer.q_dense.*},
 * {@code BertForGlobalPointer}).
 */
class SpanExtractionTest {

    @TempDir
    Path tmp;

    private static final String FILLER = "的了是在有和我他就也";
    private static final List<String> PEOPLE = List.of("张三", "李四");
    private static final List<String> PLACES = List.of("北京", "上海");

    /** Texts of filler characters with a person, a place and "华为公司" (an organisation with the company 华为 inside). */
    static List<SpanAnnotatedText> texts() {
        Random random = new Random(3);
        List<SpanAnnotatedText> out = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            StringBuilder text = new StringBuilder();
            List<EntitySpan> spans = new ArrayList<>();
            List<String[]> parts = new ArrayList<>(List.of(new String[] {PEOPLE.get(t % 2), "name"}, new String[] {PLACES.get(t / 2 % 2), "address"}));
            if (t % 3 == 0) parts.add(new String[] {"华为公司", "organization"});
            java.util.Collections.shuffle(parts, random);
            for (String[] part : parts) {
                for (int f = random.nextInt(3); f >= 0; f--) text.append(FILLER.charAt(random.nextInt(FILLER.length())));
                spans.add(new EntitySpan(part[1], text.length(), text.length() + part[0].length()));
                if (part[1].equals("organization")) spans.add(new EntitySpan("company", text.length(), text.length() + 2));
                text.append(part[0]);
            }
            text.append('。');
            out.add(new SpanAnnotatedText(text.toString(), spans));
        }
        return out;
    }

    /**
     * The pointer's dense layers are drawn at σ = 1/√fan_in (LeCun normal, bert4keras's choice), not the encoder's
     * 0.02: with BERT's σ the bilinear span term starts too small to learn from (bge-small-zh on CLUENER predicted no
     * span after two epochs). A ±2σ truncated normal has standard deviation 0.880σ.
     */
    @Test
    void drawsThePointerAtLeCunScale() {
        List<SpanAnnotatedText> texts = texts();
        SpanExtraction task = new SpanExtraction(LabelSet.inOrder(List.of("address", "company", "name", "organization")), 16);
        Path base = TinyTaskModels.characterModel(tmp.resolve("lecun"), texts.stream().map(SpanAnnotatedText::text).toList(), "bert", 2);
        try (TaskModel model = TaskModels.startFrom(base, task, Double.NaN, 32, 5, TinyTaskModels.QUIET)) {
            for (String name : List.of("global_pointer.p_dense.weight", "global_pointer.q_dense.weight")) {
                var weight = model.namedParameters().get(name).value();
                double fanIn = weight.getShape().get(1);
                double[] v = weight.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
                double mean = java.util.Arrays.stream(v).average().orElseThrow();
                double std = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
                assertEquals(0.880 / Math.sqrt(fanIn), std, 0.15 * 0.880 / Math.sqrt(fanIn), name + " (" + v.length + " values)");
            }
        }
    }

    @Test
    void memorisesNestedSpansAndReloadsThem() throws IOException {
        List<SpanAnnotatedText> texts = texts();
        SpanExtraction task = new SpanExtraction(LabelSet.inOrder(List.of("address", "company", "name", "organization")), 16);
        Path saved = tmp.resolve("saved");
        List<SpanPrediction> before;
        Path base = TinyTaskModels.characterModel(tmp.resolve("base"), texts.stream().map(SpanAnnotatedText::text).toList(), "bert", 2);
        try (TaskModel model = TaskModels.startFrom(base, task, Double.NaN, 32, 5, TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, texts, LoopKit.settings(60, 4, 1e-2, "f1", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<SpanPrediction> r = LoopKit.evaluate(model, task, texts);
            assertEquals(1.0, r.metrics().get("f1"), r.metrics().render());
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(new TreeSet<>(texts.get(i).spans()), new TreeSet<>(r.predictions().get(i).entities()), texts.get(i).text());
            }
            before = r.predictions();
            model.save(saved, d -> { });
        }
        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            SpanExtraction loaded = assertInstanceOf(SpanExtraction.class, back.task());
            assertEquals(task.config(), loaded.config());
            assertEquals(before, LoopKit.evaluate(back.model(), loaded, texts).predictions());
        }
        Set<String> head = new TreeSet<>();
        try (TensorSource s = SafetensorsCheckpoint.open(saved)) {
            s.names().stream().filter(n -> !n.startsWith("bert.")).forEach(head::add);
        }
        assertEquals(Set.of("global_pointer.p_dense.weight", "global_pointer.p_dense.bias", "global_pointer.q_dense.weight",
                "global_pointer.q_dense.bias"), head);
        JsonObject config = JsonParser.parseString(Files.readString(saved.resolve("config.json"))).getAsJsonObject();
        assertEquals("BertForGlobalPointer", config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals(16, config.get("global_pointer_head_size").getAsInt());
        assertEquals("spans", config.get("bert4j_task").getAsString());
        assertTrue(GlobalPointer.DEFAULT_HEAD_SIZE > 16, "the test's head size is not the default, so the key is what restores it");
    }
}
