package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SingleLabelClassification;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.loop.CheckpointStore;
import org.bert4j.train.optim.MomentOptimizer;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.report.MetricsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fine-tuning run interrupted after a checkpoint and resumed with everything rebuilt from disk (model, optimiser
 * moments, EMA shadows, loop state, metrics log) gives the per-step losses, final weights and final averages of
 * the same run uninterrupted, bit for bit, on the CPU. The run has what could go wrong on a resume: dropout
 * (seeded per step), gradient accumulation with a short last step per epoch, layer-wise rates, and an EMA.
 */
class ResumeTest {

    private static final FineTuneSettings SETTINGS =
            new FineTuneSettings(4, 4, 2, 16, 3e-3, new org.bert4j.train.optim.Schedule.LinearDecay(1, 8), 1.0, 11, 1, 0, "accuracy", 0);

    @Test
    void resumedRunEqualsUninterrupted(@TempDir Path tmp) {
        JsonObject config = TinyModels.config("bert");
        config.addProperty("hidden_dropout_prob", 0.1);
        config.addProperty("attention_probs_dropout_prob", 0.1);
        Path base = TinyTaskModels.pretrained(tmp.resolve("base"), config, 1);
        Random random = new Random(2);
        List<SequenceExample<String>> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) examples.add(new SequenceExample<>(SequenceInput.of(TinyTaskModels.text(random)), i % 3 == 0 ? "x" : "y"));
        SingleLabelClassification task = new SingleLabelClassification(LabelSet.of(List.of("x", "y")), false);

        Path a = tmp.resolve("a");
        List<Double> straight;
        try (TaskModel model = TaskModels.startFrom(base, task, Double.NaN, 32, 5, TinyTaskModels.QUIET)) {
            straight = run(model, task, examples, a, null, -1);
        }
        Path b = tmp.resolve("b");
        try (TaskModel model = TaskModels.startFrom(base, task, Double.NaN, 32, 5, TinyTaskModels.QUIET)) {
            RuntimeException crash = assertThrows(RuntimeException.class, () -> run(model, task, examples, b, null, 4));
            assertEquals("simulated crash after step 4", crash.getMessage());
        }
        Path checkpoint = new FineTuneCheckpoints(new CheckpointStore(b.resolve("checkpoints"), 10)).latest().orElseThrow();
        assertEquals("step-000004", checkpoint.getFileName().toString());
        List<Double> resumed;
        try (TaskModels.Loaded loaded = TaskModels.load(checkpoint)) {
            resumed = run(loaded.model(), task, examples, b, checkpoint, -1);
        }

        assertEquals(8, straight.size(), "4 epochs of 2 steps, a metrics line per step");
        assertEquals(straight, resumed, "per-step losses, bit for bit");
        Path endA = a.resolve("checkpoints/step-000008");
        Path endB = b.resolve("checkpoints/step-000008");
        assertSameTensors(endA.resolve("model.safetensors"), endB.resolve("model.safetensors"));
        assertSameTensors(endA.resolve(ExponentialMovingAverage.FILE), endB.resolve(ExponentialMovingAverage.FILE));
    }

    /** Trains to the end (from {@code checkpoint} when given), throwing after the checkpoint of step {@code crashAt}. */
    private static List<Double> run(TaskModel model, SingleLabelClassification task, List<SequenceExample<String>> examples,
                                    Path out, Path checkpoint, long crashAt) {
        FeatureSet<SequenceExample<String>, Integer> data;
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), 32, model.encoder().spec())) {
            data = FeatureSet.of(task, examples, encoder);
        }
        List<TrainableParameter> parameters = LayerwiseLearningRates.apply(LoopKit.parameters(model), model.encoder().spec(), 0.8);
        FineTuneCheckpoints checkpoints = new FineTuneCheckpoints(new CheckpointStore(out.resolve("checkpoints"), 10));
        Path log = out.resolve(MetricsLog.FILE);
        try (MomentOptimizer optimizer = LoopKit.adamW(parameters);
             ExponentialMovingAverage ema = new ExponentialMovingAverage(model.namedParameters(), 0.9)) {
            FineTuneState start = checkpoint == null ? FineTuneState.start() : FineTuneCheckpoints.restore(checkpoint, model, optimizer, ema);
            try (MetricsLog metrics = checkpoint == null ? MetricsLog.create(log) : MetricsLog.resume(log, start.step())) {
                FineTuningLoop.Hooks hooks = new FineTuningLoop.Hooks() {
                    @Override
                    public void checkpoint(FineTuneState state) {
                        checkpoints.save(model, optimizer, ema, state, d -> { });
                        if (state.step() == crashAt) throw new RuntimeException("simulated crash after step " + crashAt);
                    }

                    @Override
                    public void best(long step, MetricResult m) { }
                };
                new FineTuningLoop<>(model, task, data, data, SETTINGS, optimizer, parameters, ema, metrics, LoopKit.quiet(), hooks).run(start);
                return metrics.records().stream().filter(r -> r.get("kind").getAsString().equals(MetricsLog.TRAIN))
                        .map(r -> r.get("loss").getAsDouble()).toList();
            }
        }
    }

    private static void assertSameTensors(Path x, Path y) {
        try (TensorSource a = new SafetensorsFile(x); TensorSource b = new SafetensorsFile(y)) {
            assertEquals(a.names(), b.names());
            for (String n : a.names()) assertArrayEquals(a.get(n).toFloats(), b.get(n).toFloats(), n);
        }
    }
}
