package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.ClassPrediction;
import org.bert4j.finetune.task.Feature;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SingleLabelClassification;
import org.bert4j.finetune.task.Task;
import org.bert4j.finetune.task.TaskKind;
import org.bert4j.train.report.MetricsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop on a scripted dev metric (accuracy per epoch 0.5, 0.7, 0.6, 0.65, 0.9, 0.95) with patience 2: epochs 1
 * and 2 improve, 3 and 4 do not, so training stops after epoch 4 of 6, the best is epoch 2's, {@code best} was
 * handed over exactly at epochs 1 and 2, and every evaluation wrote a checkpoint and an eval line.
 */
class ScriptedEarlyStoppingTest {

    /** Classification with accuracies read from a script instead of computed. */
    record Scripted(SingleLabelClassification inner, double[] script, int[] evaluations)
            implements Task<SequenceExample<String>, Integer, ClassPrediction> {
        public TaskKind kind() { return inner.kind(); }

        public List<Feature<Integer>> features(SequenceExample<String> e, int index, InputEncoder encoder) {
            return inner.features(e, index, encoder);
        }

        public TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout) {
            return inner.newHead(family, config, spec, dropout);
        }

        public JsonObject config() { return inner.config(); }

        public NDArray loss(NDArray outputs, List<Feature<Integer>> batch) { return inner.loss(outputs, batch); }

        public ClassPrediction predict(SequenceExample<String> e, List<Feature<Integer>> f, List<float[]> o) {
            return inner.predict(e, f, o);
        }

        public MetricResult score(List<SequenceExample<String>> examples, List<ClassPrediction> predictions) {
            return MetricResult.of("accuracy", script[evaluations[0]++]);
        }

        public List<String> metricNames() { return List.of("accuracy"); }

        public String report(List<SequenceExample<String>> e, List<ClassPrediction> p) { return ""; }

        public JsonObject toJson(ClassPrediction p) { return inner.toJson(p); }
    }

    @Test
    void stopsAtTheEpochThePatienceRunsOut(@TempDir Path tmp) {
        Random random = new Random(1);
        List<SequenceExample<String>> examples = new ArrayList<>();
        for (int i = 0; i < 8; i++) examples.add(new SequenceExample<>(SequenceInput.of(TinyTaskModels.text(random)), i % 2 == 0 ? "x" : "y"));
        Scripted task = new Scripted(new SingleLabelClassification(LabelSet.of(List.of("x", "y")), false),
                new double[] {0.5, 0.7, 0.6, 0.65, 0.9, 0.95}, new int[1]);
        List<Long> bests = new ArrayList<>();
        List<Long> checkpoints = new ArrayList<>();
        FineTuningLoop.Hooks hooks = new FineTuningLoop.Hooks() {
            @Override
            public void checkpoint(FineTuneState state) { checkpoints.add(state.step()); }

            @Override
            public void best(long step, MetricResult metrics) { bests.add(step); }
        };
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), "bert", 1), task, 0.0, 32, 5,
                TinyTaskModels.QUIET)) {
            FineTuneState end = LoopKit.train(model, task, examples, LoopKit.settings(6, 4, 1e-3, "accuracy", 2),
                    tmp.resolve("m.jsonl"), hooks);
            // 8 examples in batches of 4: 2 steps per epoch.
            assertTrue(end.stopped());
            assertEquals(8, end.step(), "stopped after epoch 4");
            assertEquals(4, end.epoch());
            assertEquals(0.7, end.stopping().best());
            assertEquals(4, end.stopping().bestStep());
            assertEquals(List.of(2L, 4L), bests);
            assertEquals(List.of(2L, 4L, 6L, 8L), checkpoints);
            assertEquals(4, task.evaluations()[0]);
            long evalLines = MetricsLog.read(tmp.resolve("m.jsonl")).stream().filter(r -> r.get("kind").getAsString().equals("eval")).count();
            assertEquals(4, evalLines);
        }
    }
}
