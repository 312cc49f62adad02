package org.bert4j.train.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.train.objective.ObjectiveOutput;
import org.bert4j.train.objective.TrainingBatch;

/**
 * What happened since the last metrics line: losses and objective sums kept on the device, token counts on the
 * host (collation knows them), the last step's learning rate, α and gradient norm. {@link #drain} syncs once and
 * starts a new window.
 */
final class TrainingWindow implements AutoCloseable {

    private final NDManager parent;
    private DeviceSums sums;
    private int microBatches;
    private int steps;
    private long realTokens;
    private long slots;
    private long trainingNanos;
    private double learningRate;
    private float alpha;

    TrainingWindow(NDManager parent) {
        this.parent = parent;
        reset();
    }

    /**
     * One micro-batch: {@code stepLoss} is its share of the step's loss (what was back-propagated), so the shares
     * of a step add up to the step's loss; the objective's sums are kept for means and accuracies.
     */
    void add(NDArray stepLoss, ObjectiveOutput out, TrainingBatch batch) {
        sums.add("loss", stepLoss);
        sums.addAll(out.sums());
        microBatches++;
        realTokens += batch.realTokens();
        slots += batch.slots();
    }

    /**
     * The end of a step: its settings, its (pre-clipping) global gradient norm (a device scalar, or null without
     * clipping) and how long it took, so tokens/s counts training and not evaluations or checkpoint writes.
     */
    void step(double learningRate, float alpha, NDArray gradNorm, long nanos) {
        this.learningRate = learningRate;
        steps++;
        trainingNanos += nanos;
        this.alpha = alpha;
        if (gradNorm != null) sums.put("grad_norm", gradNorm);
    }

    boolean isEmpty() { return microBatches == 0; }

    /** The metrics line for this window (syncs the device), then a fresh window. */
    Map<String, Object> drain() {
        double seconds = trainingNanos / 1e9;
        Map<String, Double> host = sums.read();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lr", learningRate);
        out.put("alpha", alpha);
        out.put("loss", host.get("loss") / steps); // mean step loss over the window
        out.putAll(DeviceSums.rates(host));
        if (host.containsKey("grad_norm")) out.put("grad_norm", host.get("grad_norm"));
        out.put("tokens_per_s", seconds > 0 ? realTokens / seconds : 0.0);
        out.put("real_token_fraction", slots > 0 ? (double) realTokens / slots : 0.0);
        reset();
        return out;
    }

    private void reset() {
        if (sums != null) sums.close();
        sums = new DeviceSums(parent);
        microBatches = 0;
        steps = 0;
        realTokens = 0;
        slots = 0;
        trainingNanos = 0;
    }

    @Override
    public void close() {
        sums.close();
    }
}
