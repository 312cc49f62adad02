package org.bert4j.finetune.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.task.Feature;
import org.bert4j.finetune.task.Task;

/**
 * Runs a model over a feature set without dropout or gradients and turns the outputs into per-example
 * predictions, and, when the examples have gold answers, the task's metrics and the mean loss. Features are
 * batched longest first, so each batch pads to nearly its own length; predictions come back in example order.
 *
 * <p>A batch holds at most {@code batchSize} features, and fewer where its rows are long: no more than fit
 * {@link #ARRAY_BUDGET} elements in the largest array a layer makes (the attention scores grow with T²). Past
 * 32 MiB an array no longer comes from memory the allocator keeps (glibc's largest mmap threshold): every pass
 * would fault in fresh pages, which on this machine made bge-small-zh's forward 3× slower per token at 64 × 256
 * than at 8 × 256 ({@code bench bge-small-zh}: 1,317 against 4,026 tokens/s).
 */
public final class Evaluator {

    /** Elements (16 MiB of float32) the largest per-layer array of an inference batch may hold, beyond one feature. */
    static final long ARRAY_BUDGET = 4L << 20;

    /** @param metrics null when there is no gold; @param loss mean over features, NaN without gold */
    public record Result<P>(List<P> predictions, MetricResult metrics, double loss) {}

    private Evaluator() {}

    /** How many features a batch starting with {@code longest} (the longest of them, features come sorted) takes. */
    static int batchFrom(TaskModel model, Feature<?> longest, int batchSize) {
        long perFeature = longest.rows().size() * model.encoder().spec().largestLayerArrayPerRow(longest.length());
        return (int) Math.max(1, Math.min(batchSize, ARRAY_BUDGET / perFeature));
    }

    public static <E, T, P> Result<P> run(TaskModel model, Task<E, T, P> task, FeatureSet<E, T> data, int batchSize, boolean scored) {
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size (eval.batch_size) must be at least 1, got " + batchSize);
        List<Feature<T>> features = data.features();
        Integer[] order = new Integer[features.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> features.get(i).length()).reversed());
        float[][] outputs = new float[features.size()][];
        double lossSum = 0;
        long padId = model.encoder().spec().padTokenId();
        for (int from = 0; from < order.length; ) {
            int size = batchFrom(model, features.get(order[from]), batchSize);
            List<Integer> ids = Arrays.asList(order).subList(from, Math.min(order.length, from + size));
            from += ids.size();
            List<Feature<T>> batch = ids.stream().map(features::get).toList();
            try (NDManager scope = model.encoder().manager().newSubManager()) {
                EncoderBatch b = EncoderBatch.of(scope, batch, padId);
                NDArray out = model.forward(b.inputIds(), b.tokenTypeIds(), b.attentionMask(), false);
                List<float[]> host = task.hostOutputs(out, batch);
                for (int k = 0; k < ids.size(); k++) outputs[ids.get(k)] = host.get(k);
                if (scored) lossSum += task.loss(out, batch).toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble() * batch.size();
            }
        }
        List<P> predictions = new ArrayList<>(data.examples().size());
        for (int e = 0; e < data.examples().size(); e++) {
            List<Integer> mine = data.featuresOf(e);
            predictions.add(task.predict(data.examples().get(e), mine.stream().map(features::get).toList(),
                    mine.stream().map(i -> outputs[i]).toList()));
        }
        if (!scored) return new Result<>(predictions, null, Double.NaN);
        MetricResult metrics = task.score(data.examples(), predictions);
        return new Result<>(predictions, metrics, lossSum / features.size());
    }
}
