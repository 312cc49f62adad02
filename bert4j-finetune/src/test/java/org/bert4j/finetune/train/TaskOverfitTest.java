package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.MultiLabelClassification;
import org.bert4j.finetune.task.MultiLabelPrediction;
import org.bert4j.finetune.task.Regression;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SingleLabelClassification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each sequence task besides single-text classification ({@link HeadOverfitTest}), through the real loop, memorises
 * 8 random examples of a tiny model. The bounds are far below what any input-blind predictor reaches: balanced
 * 2-class pair labels keep it at ln 2 = 0.69 (bound 0.05); scores with variance about 2 at MSE ≈ 2 (bound 0.05);
 * ZLPR over all eight label combinations above 1.2 (bound 0.1, and every label set exactly right).
 */
class TaskOverfitTest {

    @TempDir
    Path tmp;

    private static final int EXAMPLES = 8;

    @Test
    void pairClassificationMemorisesPairs() {
        Random random = new Random(4);
        List<SequenceExample<String>> examples = new ArrayList<>();
        for (int i = 0; i < EXAMPLES; i++) {
            examples.add(new SequenceExample<>(SequenceInput.of(TinyTaskModels.text(random), TinyTaskModels.text(random)), i % 2 == 0 ? "0" : "1"));
        }
        SingleLabelClassification task = new SingleLabelClassification(LabelSet.of(List.of("0", "1")), true);
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), "bert", 1), task, 0.0, 32, 5,
                TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, examples, LoopKit.settings(40, 4, 5e-3, "accuracy", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<?> r = LoopKit.evaluate(model, task, examples);
            assertTrue(r.loss() < 0.05, "loss " + r.loss());
        }
    }

    @Test
    void regressionMemorisesScores() {
        Random random = new Random(5);
        List<SequenceExample<Double>> examples = new ArrayList<>();
        for (int i = 0; i < EXAMPLES; i++) {
            examples.add(new SequenceExample<>(SequenceInput.of(TinyTaskModels.text(random), TinyTaskModels.text(random)), 5.0 * i / (EXAMPLES - 1)));
        }
        Regression task = new Regression(true);
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), "bert", 1), task, 0.0, 32, 5,
                TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, examples, LoopKit.settings(60, 4, 1e-2, "spearman", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<?> r = LoopKit.evaluate(model, task, examples);
            assertTrue(r.loss() < 0.05, "MSE " + r.loss());
            assertEquals(r.loss(), r.metrics().get("mse"), 1e-5, "the loss is the MSE metric");
            assertTrue(r.metrics().get("spearman") > 0.95, r.metrics().render());
        }
    }

    /**
     * The eight label sets are all eight combinations of three labels, so the encoder must carry three independent
     * bits per text. On a RoFormerV2 (first-token linear head): a 16-wide BERT's tanh pooler saturates on the first
     * label it learns and keeps the others at chance for hundreds of steps, with BCE as with ZLPR, which would test
     * the tiny model's capacity rather than the loss.
     */
    @Test
    void multiLabelMemorisesLabelSets() {
        Random random = new Random(6);
        List<Set<String>> sets = List.of(Set.of("a"), Set.of("b", "c"), Set.of(), Set.of("a", "b", "c"), Set.of("c"), Set.of("a", "c"),
                Set.of("b"), Set.of("a", "b"));
        List<SequenceExample<Set<String>>> examples = new ArrayList<>();
        for (Set<String> s : sets) examples.add(new SequenceExample<>(SequenceInput.of(TinyTaskModels.text(random)), s));
        MultiLabelClassification task = new MultiLabelClassification(LabelSet.of(List.of("a", "b", "c")), false);
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), "roformer_v2", 1), task, 0.0, 32, 5,
                TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, examples, LoopKit.settings(120, 4, 3e-3, "micro_f1", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<MultiLabelPrediction> r = LoopKit.evaluate(model, task, examples);
            assertTrue(r.loss() < 0.1, "ZLPR " + r.loss());
            for (int i = 0; i < sets.size(); i++) {
                Set<Integer> gold = new java.util.TreeSet<>();
                sets.get(i).forEach(l -> gold.add(task.labels().id(l)));
                assertEquals(gold, r.predictions().get(i).labels(), "example " + i);
            }
        }
    }
}
