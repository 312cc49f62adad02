package org.bert4j.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.report.MetricsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's schedule of things: α warm-up, metrics and evaluation cadence, learning, and no leaked arrays. */
class TrainerTest {

    @TempDir
    Path tmp;

    private record Run(List<JsonObject> records, int arraysAfterFirstRun, int arraysAtEnd, long tokens) {}

    /** Tiny BERT on counting sequences (48 training, 12 held out), LAMB over every parameter. */
    private static TrainingComponents components(LoadedModel model, LoopSettings s) {
        List<TrainableParameter> params = LoopTestKit.parameters(model.model());
        return LoopTestKit.components(model.model(), LoopTestKit.counting(48, 1), LoopTestKit.counting(12, 2),
                s.seed(), s.batchSize(), LoopTestKit.lamb(params), params, Long.MAX_VALUE);
    }

    private Run train(LoopSettings s, long extraSteps) {
        try (LoadedModel model = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT32, 7);
             MetricsLog metrics = MetricsLog.create(tmp.resolve(MetricsLog.FILE))) {
            TrainingComponents c = components(model, s);
            List<TrainerState> saved = new ArrayList<>();
            TrainerState end = new Trainer(c, s, metrics, ResumeTest.quiet(), saved::add).run(TrainerState.start(s.seed()));
            int first = model.model().manager().getManagedArrays().size();
            LoopSettings longer = new LoopSettings(s.steps() + extraSteps, s.peakLearningRate(), s.batchSize(), s.accumulation(),
                    s.clipNorm(), s.residualWarmupSteps(), s.seed(), s.logEvery(), s.evalEvery(), s.evalMaxBatches(), s.checkpointEvery());
            end = new Trainer(c, longer, metrics, ResumeTest.quiet(), saved::add).run(end);
            assertEquals(longer.steps(), end.step());
            return new Run(metrics.records(), first, model.model().manager().getManagedArrays().size(), end.tokens());
        }
    }

    @Test
    void aSpentWallClockBudgetEndsTheRunWithTheFinalLogEvaluationAndCheckpoint() {
        // A budget of 1 ns is spent by the first step, which must then log, evaluate and save as a last step does.
        LoopSettings s = new LoopSettings(8, 1e-2, 4, 1, 1.0, 0, 3, 5, 5, 1, 100, 1e-9);
        try (LoadedModel model = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT32, 7);
             MetricsLog metrics = MetricsLog.create(tmp.resolve(MetricsLog.FILE))) {
            TrainingComponents c = components(model, s);
            List<TrainerState> saved = new ArrayList<>();
            TrainerState end = new Trainer(c, s, metrics, ResumeTest.quiet(), saved::add).run(TrainerState.start(s.seed()));
            assertEquals(1, end.step());
            assertEquals(List.of(1L), saved.stream().map(TrainerState::step).toList());
            List<String> kinds = metrics.records().stream().map(o -> o.get("kind").getAsString() + "@" + o.get("step")).toList();
            assertEquals(List.of(MetricsLog.EVAL + "@0", MetricsLog.TRAIN + "@1", MetricsLog.EVAL + "@1"), kinds);
        }
    }

    @Test
    void alphaWarmsUpAndMetricsAndEvaluationsComeAtTheirIntervals() {
        Run r = train(new LoopSettings(8, 1e-2, 4, 2, 1.0, 4, 3, 2, 4, 1, 100), 0);
        List<JsonObject> train = r.records().stream().filter(o -> o.get("kind").getAsString().equals(MetricsLog.TRAIN)).toList();
        List<JsonObject> eval = r.records().stream().filter(o -> o.get("kind").getAsString().equals(MetricsLog.EVAL)).toList();
        assertEquals(List.of(2L, 4L, 6L, 8L), train.stream().map(o -> o.get("step").getAsLong()).toList());
        // α is the one of the window's last step: (step − 1) / 4, capped at 1.
        assertEquals(List.of(0.25, 0.75, 1.0, 1.0), train.stream().map(o -> o.get("alpha").getAsDouble()).toList());
        // Step 0 is where the run starts from (a continued pre-training run's "before").
        assertEquals(List.of(0L, 4L, 8L), eval.stream().map(o -> o.get("step").getAsLong()).toList());
        JsonObject first = train.get(0);
        for (String key : List.of("epoch", "lr", "loss", "mlm_loss", "mlm_accuracy", "grad_norm", "tokens_per_s",
                "real_token_fraction", "tokens", "elapsed_s")) {
            assertTrue(first.has(key), key + " in " + first);
        }
        assertTrue(eval.get(0).has("mlm_loss") && eval.get(0).has("mlm_accuracy"), eval.get(0).toString());
        assertEquals(4, eval.get(0).get("sequences").getAsInt(), "eval.max_batches = 1 batch of 4");
        double fraction = first.get("real_token_fraction").getAsDouble();
        assertTrue(fraction > 0.5 && fraction <= 1, "padding is counted: " + fraction);
    }

    @Test
    void lossGoesDownAndNothingLeaksIntoTheModelsManager() {
        Run r = train(new LoopSettings(30, 2e-2, 8, 1, 1.0, 0, 3, 10, 0, 2, 1000), 30);
        List<Double> losses = ResumeTest.losses(r.records());
        assertTrue(losses.get(losses.size() - 1) < 0.75 * losses.get(0), "loss " + losses);
        assertEquals(r.arraysAfterFirstRun(), r.arraysAtEnd(), "30 more steps add no arrays to the model's manager");
        assertTrue(r.tokens() > 60 * 8 * 6, "tokens counted: " + r.tokens());
    }
}
