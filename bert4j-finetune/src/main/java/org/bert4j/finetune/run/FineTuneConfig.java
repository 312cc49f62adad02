package org.bert4j.finetune.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bert4j.finetune.task.QaSettings;
import org.bert4j.finetune.task.TaskKind;
import org.bert4j.train.run.Overrides;
import org.bert4j.train.run.RunFile;
import org.bert4j.train.run.RunValues;

/**
 * A fine-tuning run's settings, typed and checked, from {@link FineTuneSchema}'s defaults, a run file, command-line
 * options and {@code --set} overrides (in that order of precedence); {@link #values} keeps the raw layers for
 * {@code run.json} and the resume check. Every error names the file and line, option or override it came from.
 */
public record FineTuneConfig(TaskKind task, String model, Data data, int maxLength, QaSettings qa, OptimizerSettings optimizer,
                             String scheduleKind, double warmupFraction, Training train, Evaluation eval, int keep,
                             Tapt tapt, Path outputDir, RunValues values) {

    /**
     * @param dev    null: split {@code devFraction} off the training data
     * @param header auto, true or false
     * @param textColumn, pairColumn, labelColumn empty for the format's default
     */
    public record Data(Path train, Path dev, double devFraction, String format, String header, String textColumn,
                       String pairColumn, String labelColumn, String labelSeparator, String noLabel,
                       boolean skipBadLines) {}

    /** @param layerDecay 1 = every parameter at the same rate */
    public record OptimizerSettings(String name, double lr, double weightDecay, double beta1, double beta2, double eps,
                                    double layerDecay) {}

    /** @param emaDecay 0 = off; @param classifierDropout NaN = the config's */
    public record Training(int epochs, int batchSize, int accumulation, double clipNorm, long seed, int threads,
                           long logEvery, double emaDecay, double classifierDropout) {}

    /** @param metric empty = the task's headline metric */
    public record Evaluation(long every, String metric, int patience, int batchSize) {}

    public record Tapt(long steps, double lr, String masking) {}

    /** The layers stacked: defaults, run file (may be null), named options, {@code --set} overrides. */
    public static RunValues resolve(Path runFile, Map<String, RunValues.Value> options, List<String> sets) {
        RunValues v = RunValues.defaults(FineTuneSchema.TABLE);
        if (runFile != null) v = v.with(RunFile.read(runFile, FineTuneSchema.TABLE));
        return v.with(options).with(Overrides.parse(sets, FineTuneSchema.TABLE));
    }

    public static FineTuneConfig from(RunValues v) {
        String dev = v.text("data.dev");
        double fraction = v.number("data.dev_fraction", 0, 0.5);
        if (dev.isEmpty() && fraction == 0) throw v.invalid("data.dev_fraction", "must be above 0 when no data.dev file is given");
        String dropout = v.text("train.classifier_dropout");
        double classifierDropout = Double.NaN;
        if (!dropout.isEmpty()) classifierDropout = v.number("train.classifier_dropout", 0, 0.999);
        double ema = v.number("train.ema_decay", 0, 0.999999);
        return new FineTuneConfig(
                TaskKind.named(v.choice("task")),
                v.text("model"),
                new Data(Path.of(v.text("data.train")), dev.isEmpty() ? null : Path.of(dev), fraction, v.choice("data.format"),
                        v.choice("data.header"), v.text("data.text_column"), v.text("data.text_pair_column"),
                        v.text("data.label_column"), v.text("data.label_separator"), v.text("data.no_label"),
                        v.flag("data.skip_bad_lines")),
                v.smallInteger("inputs.max_length", 3),
                new QaSettings(v.smallInteger("qa.doc_stride", 1), v.smallInteger("qa.max_question_length", 1),
                        v.smallInteger("qa.max_answer_length", 1)),
                new OptimizerSettings(v.choice("optimizer.name"), v.number("optimizer.lr", 0, 10),
                        v.number("optimizer.weight_decay", 0, 10), v.number("optimizer.beta1", 0, 0.999999),
                        v.number("optimizer.beta2", 0, 0.999999999), v.number("optimizer.eps", 1e-12, 1),
                        v.number("optimizer.layer_decay", 1e-6, 1)),
                v.choice("schedule.kind"), v.number("schedule.warmup_fraction", 0, 0.99),
                new Training(v.smallInteger("train.epochs", 1), v.smallInteger("train.batch_size", 1),
                        v.smallInteger("train.accumulation", 1), v.number("train.clip_norm", 0, Double.MAX_VALUE),
                        v.integer("train.seed", Long.MIN_VALUE), v.smallInteger("train.threads", 0), v.integer("train.log_every", 1),
                        ema, classifierDropout),
                new Evaluation(v.integer("eval.every", 0), v.text("eval.metric"), v.smallInteger("eval.patience", 0),
                        v.smallInteger("eval.batch_size", 1)),
                v.smallInteger("checkpoint.keep", 1),
                new Tapt(v.integer("tapt.steps", 0), v.number("tapt.lr", 0, 10), v.choice("tapt.masking")),
                Path.of(v.text("output.dir")), v);
    }
}
