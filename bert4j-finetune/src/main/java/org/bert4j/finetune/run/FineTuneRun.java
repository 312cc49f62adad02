package org.bert4j.finetune.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bert4j.config.EncoderSpec;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.Task;
import org.bert4j.finetune.task.TokenClassification;
import org.bert4j.finetune.train.ExponentialMovingAverage;
import org.bert4j.finetune.train.FineTuneCheckpoints;
import org.bert4j.finetune.train.FeatureSet;
import org.bert4j.finetune.train.FineTuneSettings;
import org.bert4j.finetune.train.FineTuneState;
import org.bert4j.finetune.train.FineTuningLoop;
import org.bert4j.finetune.train.LayerwiseLearningRates;
import org.bert4j.pretrained.OfflineModels;
import org.bert4j.train.loop.CheckpointStore;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.Lamb;
import org.bert4j.train.optim.LearningRateSchedule;
import org.bert4j.train.optim.MomentOptimizer;
import org.bert4j.train.optim.Schedule;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.report.ProgressBar;
import org.bert4j.train.run.ResumeCheck;

/**
 * One fine-tuning run from its config to its outputs under {@code output.dir}: {@code run.json} (the resolved
 * settings), {@code best/} (the model with the best dev score: an HF directory plus {@code labels.json} and
 * {@code eval_results.json}), {@code checkpoints/step-NNNNNN/} (one per evaluation, the newest
 * {@code checkpoint.keep} kept: model, optimiser moments, EMA shadows, loop state), {@code metrics.jsonl} and
 * {@code loss.png}, plus {@code tapt/} when task-adaptive pre-training ran first. As with pre-training, a fresh
 * run refuses a directory that already has checkpoints, and {@code resume} continues from the newest complete one
 * after checking that nothing deciding the data and its order changed.
 */
public final class FineTuneRun {

    public static final String RUN_JSON = "run.json";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String BEST = "best";
    public static final String LABELS = "labels.json";
    public static final String EVAL_RESULTS = "eval_results.json";
    public static final String LOSS_PNG = "loss.png";

    /**
     * Where the run left its results.
     *
     * @param bestMetrics the dev metrics of {@code best/} (null if no evaluation improved on nothing, which
     *                    cannot happen with a finite score)
     */
    public record Outcome(Path best, MetricResult bestMetrics, long bestStep, Path lastCheckpoint, Path metrics,
                          Path lossCurve, FineTuneState state, String devOrigin, long totalSteps) {}

    private FineTuneRun() {}

    public static Outcome run(FineTuneConfig config, boolean resume, PrintStream log) {
        return train(config, TaskData.load(config, log), resume, log);
    }

    private static <E> Outcome train(FineTuneConfig config, TaskData<E> data, boolean resume, PrintStream log) {
        return train(config, data, data.task(), resume, log);
    }

    private static <E, T, P> Outcome train(FineTuneConfig config, TaskData<E> data, Task<E, T, P> task,
                                           boolean resume, PrintStream log) {
        Path out = config.outputDir();
        FineTuneCheckpoints checkpoints = new FineTuneCheckpoints(new CheckpointStore(out.resolve(CHECKPOINTS), config.keep()));
        CheckpointStore store = checkpoints.store();
        Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
        if (!resume && !store.complete().isEmpty()) {
            throw new IllegalArgumentException(out + " already has checkpoints: pass --resume to continue that run, "
                    + "or choose another output directory");
        }
        if (resume && latest.isEmpty() && config.tapt().steps() == 0) {
            throw new IllegalArgumentException("--resume: no complete checkpoint under " + store.root());
        }
        latest.ifPresent(dir -> ResumeCheck.requireCompatible(dir.resolve(RUN_JSON), config.values(), FineTuneSchema.FIXED_ON_RESUME));
        try (TaskModel model = latest.isPresent() ? restore(latest.get(), task) : start(config, data, task, resume, log)) {
            writeRunJson(out, config);
            EncoderSpec spec = model.encoder().spec();
            FeatureSet<E, T> train;
            FeatureSet<E, T> dev;
            try (InputEncoder encoder = new InputEncoder(model.tokenizer(), config.maxLength(), spec)) {
                train = FeatureSet.of(task, data.train().examples(), encoder);
                dev = FeatureSet.of(task, data.dev().examples(), encoder);
            }
            if (task instanceof TokenClassification tagger && tagger.truncatedExamples() > 0) {
                log.printf(Locale.ROOT, "%,d sentences are longer than %d tokens: their words past it are predicted O%n",
                        tagger.truncatedExamples(), config.maxLength());
            }
            if (train.features().size() != train.examples().size()) {
                // QA reads a long context in several windows: steps and batches count windows, not questions
                log.printf(Locale.ROOT, "%,d training windows, %,d dev windows (inputs.max_length %d, qa.doc_stride %d)%n",
                        train.features().size(), dev.features().size(), config.maxLength(), config.qa().docStride());
            }
            String metric = config.eval().metric().isEmpty() ? task.metricNames().get(0) : config.eval().metric();
            if (!metric.equals("loss") && !task.metricNames().contains(metric)) {
                throw config.values().invalid("eval.metric", "must be loss or one of " + task.metricNames() + ", got '" + metric + "'");
            }
            FineTuneConfig.Training t = config.train();
            long total = FineTuneSettings.stepsPerEpoch(train.features().size(), t.batchSize(), t.accumulation()) * t.epochs();
            FineTuneSettings settings = new FineTuneSettings(t.epochs(), t.batchSize(), t.accumulation(), config.eval().batchSize(),
                    config.optimizer().lr(), schedule(config, total), t.clipNorm(), t.seed(), t.logEvery(), config.eval().every(),
                    metric, config.eval().patience());
            log.printf(Locale.ROOT, "%s: %,d training examples (%,d tokens), %,d dev; %s %s, %,d parameters; %d epochs of %d steps%n",
                    task.kind().cliName(), train.examples().size(), train.tokens(), dev.examples().size(),
                    model.family().modelType(), model.head().describe(), model.namedParameters().values().stream()
                            .mapToLong(p -> p.shape().size()).sum(), t.epochs(), total / t.epochs());
            List<TrainableParameter> parameters = parameters(model, spec, config.optimizer().layerDecay());
            try (MomentOptimizer optimizer = optimizer(config.optimizer(), parameters);
                 ExponentialMovingAverage ema = t.emaDecay() > 0 ? new ExponentialMovingAverage(model.namedParameters(), t.emaDecay()) : null) {
                FineTuneState start = latest.map(dir -> FineTuneCheckpoints.restore(dir, model, optimizer, ema))
                        .orElse(FineTuneState.start());
                if (latest.isPresent()) log.println("resuming " + latest.get() + " at step " + start.step());
                return loop(config, data, task, model, train, dev, settings, optimizer, parameters, ema, checkpoints, start, total, log);
            }
        }
    }

    private static <E, T, P> Outcome loop(FineTuneConfig config, TaskData<E> data, Task<E, T, P> task, TaskModel model,
                                          FeatureSet<E, T> train, FeatureSet<E, T> dev,
                                          FineTuneSettings settings, MomentOptimizer optimizer, List<TrainableParameter> parameters,
                                          ExponentialMovingAverage ema, FineTuneCheckpoints checkpoints, FineTuneState start, long total,
                                          PrintStream log) {
        Path out = config.outputDir();
        Path metricsFile = out.resolve(MetricsLog.FILE);
        Path png = out.resolve(LOSS_PNG);
        Path best = out.resolve(BEST);
        String title = config.model() + " — " + task.kind().cliName() + " — " + config.data().train().getFileName();
        MetricResult[] bestMetrics = {null};
        try (MetricsLog metrics = start.step() > 0 ? MetricsLog.resume(metricsFile, start.step()) : MetricsLog.create(metricsFile)) {
            FineTuningLoop.Hooks hooks = new FineTuningLoop.Hooks() {
                @Override
                public void checkpoint(FineTuneState state) {
                    Path dir = checkpoints.save(model, optimizer, ema, state, d -> writeRunJson(d, config));
                    LossCurves.write(png, title, metrics.records());
                    log.printf(Locale.ROOT, "%ncheckpoint %s%n", dir);
                }

                @Override
                public void best(long step, MetricResult scores) {
                    model.save(best, d -> {
                        data.outputNames().write(d.resolve(LABELS));
                        writeEvalResults(d, step, scores, data.devOrigin());
                    });
                    bestMetrics[0] = scores;
                    log.printf(Locale.ROOT, "%nbest %s %.4f at step %d: saved %s%n", settings.metric(), scores.get(settings.metric()), step, best);
                }
            };
            ProgressBar progress = ProgressBar.onStderr(start.step() == 0 ? "finetune" : "finetune from step " + start.step(),
                    total - start.step(), "steps");
            FineTuningLoop<E, T, P> loop = new FineTuningLoop<>(model, task, train, dev, settings, optimizer,
                    parameters, ema, metrics, progress, hooks);
            FineTuneState end = loop.run(start);
            if (end.stopped()) {
                log.printf(Locale.ROOT, "stopped early at step %d of %d: %s did not improve in %d evaluations (best %.4f at step %d)%n",
                        end.step(), total, settings.metric(), settings.patience(), end.stopping().best(), end.stopping().bestStep());
            }
            if (!Files.isDirectory(best)) {
                // Every evaluation scored NaN (a correlation of constant predictions): keep the last weights, and say so.
                log.println("no evaluation gave a finite " + settings.metric() + ": best/ holds the weights of the last step");
                Runnable save = () -> model.save(best, d -> data.outputNames().write(d.resolve(LABELS)));
                if (ema == null) save.run();
                else ema.withAverage(() -> {
                    save.run();
                    return null;
                });
            }
            MetricResult bestScores = bestMetrics[0] != null ? bestMetrics[0] : readEvalResults(best);
            return new Outcome(best, bestScores, end.stopping().bestStep(), checkpoints.store().latest().orElse(null), metricsFile, png, end,
                    data.devOrigin(), total);
        }
    }

    private static <E> TaskModel start(FineTuneConfig config, TaskData<E> data, Task<E, ?, ?> task, boolean resume, PrintStream log) {
        Path base = OfflineModels.resolve(config.model());
        if (config.tapt().steps() > 0) {
            base = TaskAdaptivePretraining.run(config, data.train().examples().stream().map(data.text()).toList(), resume, log);
        }
        return TaskModels.startFrom(base, task, config.train().classifierDropout(), config.maxLength(), config.train().seed(), log);
    }

    /**
     * The model of a checkpoint; its task (labels, outputs) must be the one the data defines now. The model is
     * rebuilt with the run's own task instance, since a tagger's task decodes with the head it built.
     */
    private static TaskModel restore(Path checkpoint, Task<?, ?, ?> task) {
        try {
            return FineTuneCheckpoints.loadModel(checkpoint, task).model();
        } catch (TaskModels.TaskMismatchException e) {
            throw new IllegalArgumentException("cannot resume from " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    static List<TrainableParameter> parameters(TaskModel model, EncoderSpec spec, double layerDecay) {
        List<TrainableParameter> out = new ArrayList<>();
        model.namedParameters().forEach((path, p) -> out.add(new TrainableParameter(path, p, TrainableParameters.decays(p))));
        return layerDecay == 1 ? out : LayerwiseLearningRates.apply(out, spec, layerDecay);
    }

    private static MomentOptimizer optimizer(FineTuneConfig.OptimizerSettings o, List<TrainableParameter> parameters) {
        AdamSettings s = new AdamSettings(o.beta1(), o.beta2(), o.eps(), o.weightDecay(), true);
        return o.name().equals("lamb") ? new Lamb(parameters, s) : new AdamW(parameters, s);
    }

    /** Warm-up over {@code schedule.warmup_fraction} of all steps (rounded, at most all but one), then the decay. */
    static LearningRateSchedule schedule(FineTuneConfig config, long total) {
        long warmup = Math.min(Math.round(config.warmupFraction() * total), Math.max(0, total - 1));
        return switch (config.scheduleKind()) {
            case "constant" -> new Schedule.Constant(warmup);
            case "cosine" -> new Schedule.CosineDecay(warmup, total, 0);
            default -> new Schedule.LinearDecay(warmup, total);
        };
    }

    private static void writeRunJson(Path dir, FineTuneConfig config) {
        write(dir.resolve(RUN_JSON), config.values().toJson());
    }

    private static void writeEvalResults(Path dir, long step, MetricResult scores, String devOrigin) {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("dev", devOrigin);
        scores.values().forEach(o::addProperty);
        write(dir.resolve(EVAL_RESULTS), o);
    }

    /** The metrics saved with {@code best/} by an earlier session (a resumed run that found no new best). */
    private static MetricResult readEvalResults(Path best) {
        Path file = best.resolve(EVAL_RESULTS);
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            MetricResult r = MetricResult.empty();
            for (var e : o.entrySet()) {
                if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber() && !e.getKey().equals("step")) {
                    r = r.with(e.getKey(), e.getValue().getAsDouble());
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, JsonObject json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .disableHtmlEscaping().create().toJson(json));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
