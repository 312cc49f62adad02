package org.bert4j.train.loop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Scalars;
import org.bert4j.nn.SparseTableGradients;
import org.bert4j.train.objective.LossDenominators;
import org.bert4j.train.objective.ObjectiveOutput;
import org.bert4j.train.objective.StepObjective;
import org.bert4j.train.objective.TrainingBatch;
import org.bert4j.train.optim.GradientClipping;
import org.bert4j.train.optim.Gradients;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.report.ProgressBar;

/**
 * The pre-training loop. One optimiser step: set α (residual warm-up), run {@code accumulation} micro-batches
 * forward and backward (each in its own manager scope, dropout seeded from (seed, step, micro-batch)), clip the
 * global gradient norm, take the schedule's learning rate, update, zero the gradients. Losses stay on the device
 * until a metrics line is due. Held-out evaluation runs before the first step (where the run starts from) and
 * at its interval, checkpoints at theirs, both at the last step.
 */
public final class Trainer {

    /** Saves a checkpoint of the run as it stands after {@code state.step()} steps. */
    @FunctionalInterface
    public interface Checkpointer {
        void save(TrainerState state);
    }

    private final TrainingComponents c;
    private final LoopSettings settings;
    private final MetricsLog metrics;
    private final ProgressBar progress;
    private final Checkpointer checkpointer;
    private final HeldOutEvaluation evaluation;
    private String lastDetail = "";

    public Trainer(TrainingComponents components, LoopSettings settings, MetricsLog metrics, ProgressBar progress,
                   Checkpointer checkpointer) {
        this.c = components;
        this.settings = settings;
        this.metrics = metrics;
        this.progress = progress;
        this.checkpointer = checkpointer;
        this.evaluation = components.heldOut() == null ? null
                : new HeldOutEvaluation(components.heldOut(), components.objective(), settings.batchSize(), settings.evalMaxBatches());
    }

    /**
     * Runs from {@code start} (step 0, or a checkpoint's state) to {@code settings.steps()} and returns the final
     * state; {@code progress} should count the {@code steps − start.step()} steps of this session.
     */
    public TrainerState run(TrainerState start) {
        EncoderModel model = c.model();
        model.requireGradients();
        SparseTableGradients tokenTable = model.useSparseTokenGradients();
        DataCursor cursor = new DataCursor(c.plans(), start.epoch(), start.batchInEpoch());
        long step = start.step();
        long tokens = start.tokens();
        if (start.step() == 0 && evaluation != null) {
            // Where the run starts from: for continued pre-training, the "before" its held-out loss is judged by.
            model.setResidualScale(settings.residualScale(0));
            evaluate(model, 0);
        }
        long startNanos = System.nanoTime();
        try (TrainingWindow window = new TrainingWindow(model.manager())) {
            boolean outOfTime = false;
            while (step < settings.steps() && !outOfTime) {
                long stepStart = System.nanoTime();
                float alpha = settings.residualScale(step);
                model.setResidualScale(alpha);
                tokens += accumulateGradients(model, tokenTable, cursor, step, window);
                double lr = settings.peakLearningRate() * c.schedule().multiplier(step);
                try (NDManager scope = model.manager().newSubManager()) {
                    NDArray norm = settings.clipNorm() > 0
                            ? GradientClipping.clipGlobalNorm(c.parameters(), settings.clipNorm(), scope) : null;
                    c.optimizer().step((float) lr);
                    if (!c.optimizer().clearsGradients()) Gradients.zero(c.parameters());
                    window.step(lr, alpha, norm, System.nanoTime() - stepStart);
                }
                step++;
                double elapsed = start.elapsedSeconds() + (System.nanoTime() - startNanos) / 1e9;
                outOfTime = settings.outOfTime(elapsed);
                if (settings.due(step, settings.logEvery(), outOfTime)) log(window, step, cursor.epoch(), tokens, elapsed);
                if (evaluation != null && settings.due(step, settings.evalEvery(), outOfTime)) evaluate(model, step);
                if (settings.due(step, settings.checkpointEvery(), outOfTime)) {
                    if (!window.isEmpty()) log(window, step, cursor.epoch(), tokens, elapsed); // lines end at checkpoints
                    checkpointer.save(new TrainerState(step, cursor.epoch(), cursor.index(), tokens, start.seed(), elapsed));
                }
                progress.update(step - start.step(), lastDetail); // the bar counts this session's steps
            }
        }
        model.setResidualScale(1f);
        progress.finish(lastDetail);
        double elapsed = start.elapsedSeconds() + (System.nanoTime() - startNanos) / 1e9;
        return new TrainerState(step, cursor.epoch(), cursor.index(), tokens, start.seed(), elapsed);
    }

    /**
     * Forward and backward over the step's micro-batches; returns the real tokens they held. The whole step is
     * collated first because a {@link StepObjective} averages each micro-batch's loss over the step's totals
     * (masked tokens, pairs), which makes the accumulated gradient that of one large batch; any other objective's
     * loss is divided by the micro-batch count.
     */
    private long accumulateGradients(EncoderModel model, SparseTableGradients tokenTable, DataCursor cursor, long step,
                                     TrainingWindow window) {
        int micro = settings.accumulation();
        List<NDManager> scopes = new ArrayList<>(micro);
        List<TrainingBatch> batches = new ArrayList<>(micro);
        try {
            for (int m = 0; m < micro; m++) {
                DataCursor.Batch b = cursor.next();
                scopes.add(model.manager().newSubManager());
                batches.add(c.train().assemble(scopes.get(m), b.epoch(), b.sequences()));
            }
            LossDenominators totals = LossDenominators.over(batches);
            long tokens = 0;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                for (int m = 0; m < micro; m++) {
                    Engine.getInstance().setRandomSeed(Seeds.forDropout(settings.seed(), step, m));
                    TrainingBatch batch = batches.get(m);
                    ObjectiveOutput out = c.objective() instanceof StepObjective s
                            ? s.compute(model, batch, true, totals) : c.objective().compute(model, batch, true);
                    // Scalars.like: a divisor autograd saves must live in engine memory (see Scalars).
                    NDArray share = c.objective() instanceof StepObjective || micro == 1
                            ? out.loss() : out.loss().div(Scalars.like(out.loss(), micro));
                    gc.backward(share);
                    tokenTable.addToTables();
                    window.add(share, out, batch);
                    tokens += batch.realTokens();
                    scopes.get(m).close(); // this micro-batch's graph goes before the next one is built
                }
            }
            return tokens;
        } finally {
            scopes.forEach(NDManager::close);
        }
    }

    private void log(TrainingWindow window, long step, int epoch, long tokens, double elapsed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.putAll(window.drain());
        m.put("tokens", tokens);
        m.put("elapsed_s", elapsed);
        double loss = (Double) m.get("loss");
        if (!Double.isFinite(loss)) {
            metrics.write(MetricsLog.TRAIN, step, m);
            throw new IllegalStateException("training diverged: loss is " + loss + " at step " + step + " (lr "
                    + m.get("lr") + "); lower optimizer.lr or train.clip_norm and resume from the last checkpoint");
        }
        metrics.write(MetricsLog.TRAIN, step, m);
        lastDetail = String.format(Locale.ROOT, "loss %.4f  %.0f tok/s  lr %.3g", loss, (Double) m.get("tokens_per_s"),
                (Double) m.get("lr"));
    }

    private void evaluate(EncoderModel model, long step) {
        Map<String, Object> m = evaluation.evaluate(model);
        if (!m.isEmpty()) metrics.write(MetricsLog.EVAL, step, m);
    }
}
