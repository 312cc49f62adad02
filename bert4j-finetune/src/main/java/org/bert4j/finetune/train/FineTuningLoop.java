package org.bert4j.finetune.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.task.Feature;
import org.bert4j.finetune.task.Task;
import org.bert4j.nn.Scalars;
import org.bert4j.nn.SparseTableGradients;
import org.bert4j.train.data.BatchPlanner;
import org.bert4j.train.loop.Seeds;
import org.bert4j.train.optim.GradientClipping;
import org.bert4j.train.optim.Gradients;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.report.ProgressBar;

/**
 * The fine-tuning loop, built from the pre-training loop's parts (length-bucketed batch plans, per-step dropout
 * seeds, global-norm clipping, the optimisers and their schedules, metrics lines, the progress bar).
 *
 * <p>One optimiser step takes up to {@code accumulation} micro-batches of the epoch's plan (steps do not cross
 * epochs): each is forward and backward in its own scope, its loss weighted by its share of the step's features,
 * so the accumulated gradient is that of one large batch. Then the gradient norm is clipped, the scheduled rate
 * taken, the optimiser steps, the gradients are cleared and the EMA (if any) follows the new weights.
 *
 * <p>A batch is {@code batch_size} features whatever their rows: a multiple-choice question brings its k option
 * rows (all padded to the batch's longest row, the length batches are bucketed by), and a question's options never
 * straddle two batches, since its softmax needs all of them.
 *
 * <p>Dev evaluation runs at the end of every epoch, or every {@code evalEvery} steps, and always after the last
 * step; with EMA on it scores the averaged weights. Each evaluation feeds early stopping, hands a new best to
 * {@link Hooks#best} (weights still swapped in) and ends with a checkpoint, which is therefore also where a
 * resumed run continues from: batch order from (seed, epoch) and dropout from (seed, step) make it continue as
 * if never stopped.
 */
public final class FineTuningLoop<E, T, P> {

    /** What the loop leaves to the run: writing checkpoints and the best model. */
    public interface Hooks {
        /** A checkpoint of the run after {@code state.step()} steps (the model holds the trained weights). */
        void checkpoint(FineTuneState state);

        /** A new best dev score: the model holds the weights to keep (the average when EMA is on). */
        void best(long step, MetricResult metrics);
    }

    private final TaskModel model;
    private final Task<E, T, P> task;
    private final FeatureSet<E, T> train;
    private final FeatureSet<E, T> dev;
    private final FineTuneSettings settings;
    private final Optimizer optimizer;
    private final List<TrainableParameter> parameters;
    private final ExponentialMovingAverage ema;
    private final MetricsLog metrics;
    private final ProgressBar progress;
    private final Hooks hooks;
    private static final NDIndex ALL = new NDIndex("...");

    private final BatchPlanner planner;
    private final int[] lengths;
    /** Each feature's real tokens over all its rows, for the run's token count (lengths[] is one row's padded cost). */
    private final long[] tokensOf;
    private String detail = "";

    /** @param ema null when weights are not averaged */
    public FineTuningLoop(TaskModel model, Task<E, T, P> task, FeatureSet<E, T> train, FeatureSet<E, T> dev,
                          FineTuneSettings settings, Optimizer optimizer, List<TrainableParameter> parameters,
                          ExponentialMovingAverage ema, MetricsLog metrics, ProgressBar progress, Hooks hooks) {
        if (train.features().isEmpty()) throw new IllegalArgumentException("no training examples");
        this.model = model;
        this.task = task;
        this.train = train;
        this.dev = dev;
        this.settings = settings;
        this.optimizer = optimizer;
        this.parameters = parameters;
        this.ema = ema;
        this.metrics = metrics;
        this.progress = progress;
        this.hooks = hooks;
        this.planner = new BatchPlanner(settings.batchSize());
        this.lengths = train.lengths();
        this.tokensOf = train.features().stream().mapToLong(Feature::tokens).toArray();
    }

    public long stepsPerEpoch() {
        return FineTuneSettings.stepsPerEpoch(train.features().size(), settings.batchSize(), settings.accumulation());
    }

    public long totalSteps() { return stepsPerEpoch() * settings.epochs(); }

    /** Runs from {@code start} to the last step or an early stop; returns the final state. */
    public FineTuneState run(FineTuneState start) {
        if (start.stopped()) return start;
        model.requireGradients();
        SparseTableGradients tokenTable = model.encoder().useSparseTokenGradients();
        EarlyStopping stopping = new EarlyStopping(settings.metric(), EarlyStopping.higherIsBetter(settings.metric()),
                settings.patience(), start.stopping());
        long step = start.step();
        int epoch = start.epoch();
        int batchInEpoch = start.batchInEpoch();
        long examples = start.examples();
        long tokens = start.tokens();
        boolean stopped = false;
        long total = totalSteps();
        long sessionStart = System.nanoTime();
        Window window = new Window();
        List<int[]> plan = epoch < settings.epochs() ? planner.plan(lengths, settings.seed(), epoch).batches() : List.of();
        try (NDManager sums = model.encoder().manager().newSubManager()) {
            window.lossSum = sums.zeros(new Shape(), DataType.FLOAT32);
            window.gradNorm = sums.zeros(new Shape(), DataType.FLOAT32);
            while (step < total && !stopped) {
                long stepStart = System.nanoTime();
                List<int[]> micro = plan.subList(batchInEpoch, Math.min(plan.size(), batchInEpoch + settings.accumulation()));
                step(micro, tokenTable, step, window);
                double lr = settings.learningRate() * settings.schedule().multiplier(step);
                optimizer.step((float) lr);
                if (!optimizer.clearsGradients()) Gradients.zero(parameters);
                if (ema != null) ema.update();
                step++;
                batchInEpoch += micro.size();
                for (int[] b : micro) {
                    examples += b.length;
                    for (int i : b) tokens += tokensOf[i];
                }
                window.close(lr, System.nanoTime() - stepStart);
                boolean epochEnd = batchInEpoch == plan.size();
                if (epochEnd) {
                    epoch++;
                    batchInEpoch = 0;
                    plan = epoch < settings.epochs() ? planner.plan(lengths, settings.seed(), epoch).batches() : List.of();
                }
                double elapsed = start.elapsedSeconds() + (System.nanoTime() - sessionStart) / 1e9;
                boolean last = step == total;
                if (step % settings.logEvery() == 0 || epochEnd || last) log(window, step, epoch, elapsed);
                boolean evalDue = settings.evalEvery() == 0 ? epochEnd : step % settings.evalEvery() == 0;
                if (evalDue || last) {
                    EarlyStopping.Outcome o = evaluate(stopping, step, epoch);
                    stopping = o.tracker();
                    stopped = o.verdict() == EarlyStopping.Verdict.STOP;
                    hooks.checkpoint(new FineTuneState(step, epoch, batchInEpoch, examples, tokens, elapsed, stopping.state(), stopped));
                }
                progress.update(step - start.step(), detail);
            }
            progress.finish(detail);
        }
        double elapsed = start.elapsedSeconds() + (System.nanoTime() - sessionStart) / 1e9;
        return new FineTuneState(step, epoch, batchInEpoch, examples, tokens, elapsed, stopping.state(), stopped);
    }

    /** Forward and backward over one step's micro-batches, then clipping (the norm before it kept for the log). */
    private void step(List<int[]> micro, SparseTableGradients tokenTable, long step, Window window) {
        int features = 0;
        for (int[] b : micro) features += b.length;
        long padId = model.encoder().spec().padTokenId();
        for (int m = 0; m < micro.size(); m++) {
            List<Feature<T>> batch = new ArrayList<>(micro.get(m).length);
            for (int i : micro.get(m)) batch.add(train.features().get(i));
            try (NDManager scope = model.encoder().manager().newSubManager()) {
                EncoderBatch b = EncoderBatch.of(scope, batch, padId);
                NDArray share;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    Engine.getInstance().setRandomSeed(Seeds.forDropout(settings.seed(), step, m));
                    NDArray out = model.forward(b.inputIds(), b.tokenTypeIds(), b.attentionMask(), true);
                    NDArray loss = task.loss(out, batch);
                    // Scalars.like: a factor autograd saves must live in engine memory (see Scalars).
                    share = micro.size() == 1 ? loss : loss.mul(Scalars.like(loss, (double) batch.size() / features));
                    gc.backward(share);
                    tokenTable.addToTables();
                }
                window.lossSum.addi(share.toType(DataType.FLOAT32, false));
                window.examples += batch.size();
                window.tokens += b.realTokens();
            }
        }
        if (settings.clipNorm() <= 0) return;
        try (NDManager scope = model.encoder().manager().newSubManager()) {
            NDArray norm = GradientClipping.clipGlobalNorm(parameters, settings.clipNorm(), scope);
            window.gradNorm.set(ALL, norm.toType(DataType.FLOAT32, false)); // stays on the device until a line is due
        }
    }

    private EarlyStopping.Outcome evaluate(EarlyStopping stopping, long step, int epoch) {
        Evaluator.Result<P> r = ema == null ? Evaluator.run(model, task, dev, settings.evalBatchSize(), true)
                : ema.withAverage(() -> Evaluator.run(model, task, dev, settings.evalBatchSize(), true));
        MetricResult scores = r.metrics().plus(MetricResult.of("loss", r.loss()));
        EarlyStopping.Outcome o = stopping.record(step, scores.get(settings.metric()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("epoch", epoch);
        line.putAll(scores.values());
        line.put("best_" + settings.metric(), o.tracker().state().best());
        line.put("best_step", o.tracker().state().bestStep());
        metrics.write(MetricsLog.EVAL, step, line);
        if (o.verdict() == EarlyStopping.Verdict.IMPROVED) {
            if (ema == null) hooks.best(step, scores);
            else ema.withAverage(() -> {
                hooks.best(step, scores);
                return null;
            });
        }
        return o;
    }

    private void log(Window window, long step, int epoch, double elapsed) {
        if (window.steps == 0) return;
        double seconds = window.nanos / 1e9;
        double loss = window.lossSum.toType(DataType.FLOAT64, false).getDouble() / window.steps;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("loss", loss);
        m.put("lr", window.lr);
        if (settings.clipNorm() > 0) m.put("grad_norm", window.gradNorm.toType(DataType.FLOAT64, false).getDouble());
        m.put("examples_per_s", seconds > 0 ? window.examples / seconds : 0.0);
        m.put("tokens_per_s", seconds > 0 ? window.tokens / seconds : 0.0);
        m.put("elapsed_s", elapsed);
        metrics.write(MetricsLog.TRAIN, step, m);
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("training diverged: loss is " + loss + " at step " + step + " (lr " + window.lr
                    + "); lower optimizer.lr or train.clip_norm and resume from the last checkpoint");
        }
        detail = String.format(Locale.ROOT, "loss %.4f  %.1f ex/s  lr %.3g", loss, (Double) m.get("examples_per_s"), window.lr);
        window.reset();
    }

    /** Sums since the last metrics line; the loss stays on the device until the line is written. */
    private static final class Window {
        NDArray lossSum;
        long steps;
        long examples;
        long tokens;
        long nanos;
        double lr;
        NDArray gradNorm;

        void close(double lr, long nanos) {
            this.lr = lr;
            this.nanos += nanos;
            steps++;
        }

        void reset() {
            lossSum.muli(0);
            steps = 0;
            examples = 0;
            tokens = 0;
            nanos = 0;
        }
    }
}
