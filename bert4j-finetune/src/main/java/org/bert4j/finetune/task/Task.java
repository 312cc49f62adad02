package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.metrics.MetricResult;

/**
 * A fine-tuning task: everything between labelled examples and a trained model that is not the encoder or the
 * training loop. The loop only moves features and arrays; the task decides what they mean.
 *
 * <ol>
 *   <li>{@link #features}: an example → features (encoder rows and a target). One per example for sequence
 *       tasks; several for sliding windows over a long QA context; one of k rows for multiple choice.</li>
 *   <li>{@link #newHead}: the block the task puts on the encoder, named as the family's HF task class names it
 *       (so the saved directory loads in HF), and {@link #config}: what config.json must say to rebuild it.</li>
 *   <li>{@link #loss}: mean loss over a batch's features from the head's output (differentiable).</li>
 *   <li>{@link #predict}: an example's answer from its features' outputs on the host (a window-to-answer
 *       search for QA, argmax or a threshold here); {@link #score}: the metrics over a set of examples.</li>
 * </ol>
 *
 * @param <E> the example type
 * @param <T> a feature's target as the loss reads it
 * @param <P> the prediction for one example
 */
public interface Task<E, T, P> {

    TaskKind kind();

    /** The features of example number {@code index}; a gold-less example gets null targets. */
    List<Feature<T>> features(E example, int index, InputEncoder encoder);

    /**
     * A fresh (uninitialised) head for a model of {@code family}; {@code dropout} overrides the head dropout the
     * config implies (NaN keeps it).
     */
    TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout);

    /**
     * The config.json keys that describe the task and rebuild its head: {@code num_labels}, {@code id2label},
     * {@code label2id}, {@code problem_type} and bert4j's own {@code bert4j_task}.
     */
    JsonObject config();

    /**
     * The keys every task's {@link #config} starts from: the output names both ways ({@code id2label},
     * {@code label2id}), their count {@code num_labels} and which bert4j task this is.
     */
    static JsonObject labelConfig(LabelSet names, int count, TaskKind kind) {
        JsonObject o = names.toJson();
        o.addProperty("num_labels", count);
        o.addProperty(SequenceTask.TASK_KEY, kind.cliName());
        return o;
    }

    /** Mean loss over the batch's features: {@code outputs} is the head's output for their rows, in order. */
    NDArray loss(NDArray outputs, List<Feature<T>> batch);

    /** The head's output split per feature, on the host (a feature of k rows gets its k rows' values in order). */
    default List<float[]> hostOutputs(NDArray outputs, List<Feature<T>> batch) {
        float[] all = outputs.toFloatArray();
        int rows = batch.stream().mapToInt(f -> f.rows().size()).sum();
        int perRow = all.length / rows;
        List<float[]> out = new ArrayList<>(batch.size());
        int at = 0;
        for (Feature<T> f : batch) {
            int n = f.rows().size() * perRow;
            float[] v = new float[n];
            System.arraycopy(all, at, v, 0, n);
            at += n;
            out.add(v);
        }
        return out;
    }

    /** The prediction for one example from its features and their outputs ({@link #hostOutputs}), in order. */
    P predict(E example, List<Feature<T>> features, List<float[]> outputs);

    /** Metrics over examples with gold answers, named as {@link #metricNames()} lists them. */
    MetricResult score(List<E> examples, List<P> predictions);

    /**
     * The names {@link #score} reports, the headline first: the default metric that picks the best checkpoint
     * (known before any evaluation, so a misspelt choice fails before training starts).
     */
    List<String> metricNames();

    /** A readable breakdown for {@code bert4j evaluate} (a confusion matrix, a per-class table), or "" when none. */
    String report(List<E> examples, List<P> predictions);

    /** One prediction as a JSON object, the line {@code bert4j predict} prints (the input is added by the caller). */
    JsonObject toJson(P prediction);
}
