package org.bert4j.finetune.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.Task;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.MomentOptimizer;
import org.bert4j.train.optim.Schedule;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.report.ProgressBar;

/** Drives {@link FineTuningLoop} on a tiny model for the loop tests: quiet progress, metrics in a temporary file. */
final class LoopKit {

    static final FineTuningLoop.Hooks NO_HOOKS = new FineTuningLoop.Hooks() {
        @Override
        public void checkpoint(FineTuneState state) { }

        @Override
        public void best(long step, MetricResult metrics) { }
    };

    private LoopKit() {}

    static ProgressBar quiet() {
        return new ProgressBar("test", 0, "steps", new PrintStream(OutputStream.nullOutputStream()), false, 1_000_000);
    }

    static List<TrainableParameter> parameters(TaskModel model) {
        return model.namedParameters().entrySet().stream()
                .map(e -> new TrainableParameter(e.getKey(), e.getValue(), TrainableParameters.decays(e.getValue()))).toList();
    }

    /** Settings for a tiny run: constant rate after 2 warm-up steps, clipping at 1, dev evaluated every epoch. */
    static FineTuneSettings settings(int epochs, int batch, double lr, String metric, int patience) {
        return new FineTuneSettings(epochs, batch, 1, 16, lr, new Schedule.Constant(2), 1.0, 11, 1, 0, metric, patience);
    }

    static MomentOptimizer adamW(List<TrainableParameter> parameters) {
        return new AdamW(parameters, new AdamSettings(0.9, 0.999, 1e-6, 0.01, true));
    }

    /** Trains {@code model} on {@code examples} (also the dev set) and returns the final state. */
    static <E, T, P> FineTuneState train(TaskModel model, Task<E, T, P> task, List<E> examples, FineTuneSettings settings,
                                         Path metricsFile, FineTuningLoop.Hooks hooks) {
        FeatureSet<E, T> data;
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), 32, model.encoder().spec())) {
            data = FeatureSet.of(task, examples, encoder);
        }
        List<TrainableParameter> parameters = parameters(model);
        try (MomentOptimizer optimizer = adamW(parameters); MetricsLog metrics = MetricsLog.create(metricsFile)) {
            return new FineTuningLoop<>(model, task, data, data, settings, optimizer, parameters, null, metrics, quiet(), hooks)
                    .run(FineTuneState.start());
        }
    }

    /** The task's loss on {@code examples} after training, without dropout. */
    static <E, T, P> Evaluator.Result<P> evaluate(TaskModel model, Task<E, T, P> task, List<E> examples) {
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), 32, model.encoder().spec())) {
            return Evaluator.run(model, task, FeatureSet.of(task, examples, encoder), 16, true);
        }
    }
}
