package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.ClassPrediction;
import org.bert4j.finetune.task.EncodedText;
import org.bert4j.finetune.task.Feature;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SingleLabelClassification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference batches shrink where rows are long (the tiny BERT: 2 heads, FFN 32, so 2·T² elements a row past T = 16),
 * and how features are batched changes no prediction.
 */
class EvaluatorBatchingTest {

    @TempDir
    Path tmp;

    private static final SingleLabelClassification TASK = new SingleLabelClassification(LabelSet.of(List.of("0", "1")), false);

    /** A tiny random BERT with a two-class head. */
    private TaskModel tinyClassifier() {
        return TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), "bert", 1), TASK, 0.0, 32, 5, TinyTaskModels.QUIET);
    }

    private static Feature<Void> feature(int rows, int length) {
        return new Feature<>(0, Collections.nCopies(rows, new EncodedText(new long[length], new long[length])), null);
    }

    @Test
    void batchesHoldWhatTheArrayBudgetAllows() {
        try (TaskModel model = tinyClassifier()) {
            assertEquals(64, Evaluator.batchFrom(model, feature(1, 32), 64), "short rows: the batch size rules");
            assertEquals((4 << 20) / (2 * 300 * 300), Evaluator.batchFrom(model, feature(1, 300), 64), "2·300² elements a row");
            assertEquals((4 << 20) / (4 * 2 * 300 * 300), Evaluator.batchFrom(model, feature(4, 300), 64), "a feature of 4 rows costs 4");
            assertEquals(1, Evaluator.batchFrom(model, feature(1, 3000), 64), "one feature always goes, however long");
        }
    }

    @Test
    void predictionsDoNotDependOnTheBatching() {
        Random random = new Random(3);
        List<SequenceExample<String>> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) examples.add(new SequenceExample<>(SequenceInput.of(TinyTaskModels.text(random)), i % 2 == 0 ? "0" : "1"));
        try (TaskModel model = tinyClassifier();
             InputEncoder encoder = new InputEncoder(model.tokenizer(), 32, model.encoder().spec())) {
            FeatureSet<SequenceExample<String>, Integer> data = FeatureSet.of(TASK, examples, encoder);
            Evaluator.Result<ClassPrediction> one = Evaluator.run(model, TASK, data, 1, true);
            Evaluator.Result<ClassPrediction> all = Evaluator.run(model, TASK, data, 12, true);
            for (int i = 0; i < examples.size(); i++) {
                double[] a = one.predictions().get(i).probabilities();
                double[] b = all.predictions().get(i).probabilities();
                for (int k = 0; k < a.length; k++) assertEquals(a[k], b[k], 1e-5, "example " + i);
            }
            assertEquals(one.loss(), all.loss(), 1e-5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluator.run(model, TASK, data, 0, true));
            assertTrue(e.getMessage().contains("--batch-size"), e.getMessage());
        }
    }
}
