package org.bert4j.train.run;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.train.loop.CheckpointStore;
import org.bert4j.train.loop.LoopSettings;
import org.bert4j.train.loop.RunCheckpoints;
import org.bert4j.train.loop.Trainer;
import org.bert4j.train.loop.TrainerState;
import org.bert4j.train.loop.TrainingComponents;
import org.bert4j.train.report.LossCurvePlot;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.report.ProgressBar;
import org.bert4j.train.rtd.GeneratorDiscriminator;

/**
 * One pre-training run from its config to its outputs under {@code output.dir}: {@code run.json} (the resolved
 * settings), {@code checkpoints/step-NNNNNN/} (with the RTD generator in {@code generator/}), {@code metrics.jsonl}
 * and {@code loss.png}. A fresh run refuses
 * an output directory that already has checkpoints (nothing is overwritten); {@code resume} continues from the
 * newest complete one, after checking that the settings that decide the data and its order have not changed.
 */
public final class PretrainingRun {

    public static final String RUN_JSON = "run.json";
    public static final String CHECKPOINTS = "checkpoints";

    /** Where the run left its results, and its final state. */
    public record Outcome(Path checkpoint, Path metrics, Path lossCurve, TrainerState state) {}

    private PretrainingRun() {}

    public static Outcome run(PretrainingConfig config, boolean resume, PrintStream log) {
        Path out = config.outputDir();
        RunCheckpoints checkpoints = new RunCheckpoints(new CheckpointStore(out.resolve(CHECKPOINTS), config.checkpoint().keep()));
        Optional<RunCheckpoints.Restored> restored = resume ? checkpoints.restoreModel() : Optional.empty();
        if (resume && restored.isEmpty()) {
            throw new IllegalArgumentException("--resume: no complete checkpoint under " + checkpoints.store().root());
        }
        if (!resume && !checkpoints.store().complete().isEmpty()) {
            throw new IllegalArgumentException(out + " already has checkpoints: pass --resume to continue that run, "
                    + "or choose another output directory");
        }
        restored.ifPresent(r -> ResumeCheck.requireCompatible(r.directory().resolve(RUN_JSON), config.values()));
        LoadedModel model = restored.map(RunCheckpoints.Restored::model).orElseGet(() -> ModelChoice.load(config, log));
        GeneratorDiscriminator generator = null;
        try (model) {
            if (config.objective().replacedTokenDetection()) {
                generator = GeneratorChoice.attach(config, model, restored.map(RunCheckpoints.Restored::directory).orElse(null), log);
            }
            writeRunJson(out, config);
            // The configured tokenizer if any (a resumed model carries a byte-identical copy of it).
            RunData data = RunData.build(config, config.tokenizer() != null ? config.tokenizer() : model.tokenizer(), log);
            TrainingComponents components = RunComponents.build(config, model, data, generator);
            restored.ifPresent(r -> RunCheckpoints.restoreOptimizer(r, components.optimizer()));
            TrainerState start = restored.map(RunCheckpoints.Restored::state).orElse(TrainerState.start(config.train().seed()));
            Path metricsFile = out.resolve(MetricsLog.FILE);
            Path png = out.resolve(LossCurvePlot.FILE);
            String title = config.model() + " — " + config.corpus().paths().get(0).getFileName();
            if (start.step() > 0) log.println("resuming " + restored.get().directory() + " at step " + start.step());
            try (MetricsLog metrics = start.step() > 0 ? MetricsLog.resume(metricsFile, start.step()) : MetricsLog.create(metricsFile)) {
                if (start.step() == 0 && data.baseline() != null) {
                    metrics.write(MetricsLog.BASELINE, 0, Map.of("unigram_loss", data.baseline().crossEntropy(),
                            "unigram_accuracy", data.baseline().modeAccuracy()));
                }
                GeneratorDiscriminator companion = generator;
                Trainer.Checkpointer save = state -> {
                    Path dir = companion == null
                            ? checkpoints.save(model, components.optimizer(), state, d -> writeRunJson(d, config))
                            : companion.withFoldedEmbeddings(() -> checkpoints.save(model, components.optimizer(), state, d -> {
                                writeRunJson(d, config);
                                companion.saveCompanions(d, model.tokenizer());
                            }));
                    LossCurvePlot.write(png, title, metrics.records());
                    log.printf(Locale.ROOT, "%ncheckpoint %s%n", dir);
                };
                ProgressBar progress = ProgressBar.onStderr(start.step() == 0 ? "pretrain" : "pretrain from step " + start.step(),
                        config.train().steps() - start.step(), "steps");
                TrainerState end = new Trainer(components, LoopSettings.from(config), metrics, progress, save).run(start);
                Path last = checkpoints.store().latest().orElseThrow();
                return new Outcome(last, metricsFile, png, end);
            }
        } finally {
            if (generator != null) generator.close(); // after the discriminator, which may read its tables (SHARED)
        }
    }

    private static void writeRunJson(Path dir, PretrainingConfig config) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RUN_JSON), new GsonBuilder().setPrettyPrinting().create().toJson(config.values().toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(RUN_JSON) + ": " + e.getMessage(), e);
        }
    }
}
