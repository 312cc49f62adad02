package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.head.ZlprLoss;
import org.bert4j.finetune.metrics.ClassificationReport;
import org.bert4j.finetune.metrics.MetricResult;

/**
 * Any number of classes per text or pair: one logit per class trained with {@link ZlprLoss} (every positive
 * against every negative and against 0), a class predicted exactly when its logit is above 0. HF's
 * {@code multi_label_classification} class trains with per-class sigmoids instead; its threshold (probability
 * 0.5) is the same logit 0, so the saved model predicts the same sets there. Metrics: micro-F1 (the headline),
 * macro-F1, subset accuracy and the rest of the classification report.
 */
public final class MultiLabelClassification extends SequenceTask<Set<String>, float[], MultiLabelPrediction> {

    private final LabelSet labels;

    public MultiLabelClassification(LabelSet labels, boolean pairInput) {
        super(TaskKind.MULTI_LABEL, pairInput);
        this.labels = labels;
    }

    public LabelSet labels() { return labels; }

    @Override
    public int outputs() { return labels.size(); }

    @Override
    public LabelSet outputNames() { return labels; }

    @Override
    float[] target(Set<String> gold) {
        float[] y = new float[labels.size()];
        for (String label : gold) y[labels.id(label)] = 1;
        return y;
    }

    @Override
    public NDArray loss(NDArray logits, List<Feature<float[]>> batch) {
        float[] flat = new float[batch.size() * labels.size()];
        for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).target(), 0, flat, i * labels.size(), labels.size());
        NDArray targets = logits.getManager().create(flat, new Shape(batch.size(), labels.size())); // (B, C)
        return ZlprLoss.loss(logits, targets);
    }

    @Override
    public MultiLabelPrediction predict(SequenceExample<Set<String>> example, List<Feature<float[]>> features, List<float[]> outputs) {
        float[] z = outputs.get(0);
        Set<Integer> chosen = new TreeSet<>();
        for (int c = 0; c < z.length; c++) if (z[c] > 0) chosen.add(c);
        return new MultiLabelPrediction(chosen, z);
    }

    @Override
    public MetricResult score(List<SequenceExample<Set<String>>> examples, List<MultiLabelPrediction> predictions) {
        ClassificationReport r = classification(examples, predictions);
        return MetricResult.of("micro_f1", r.microF1()).with("macro_f1", r.macroF1()).with("accuracy", r.accuracy())
                .with("macro_precision", r.macroPrecision()).with("macro_recall", r.macroRecall())
                .with("weighted_f1", r.weightedF1());
    }

    @Override
    public List<String> metricNames() {
        return List.of("micro_f1", "macro_f1", "accuracy", "macro_precision", "macro_recall", "weighted_f1");
    }

    @Override
    public String report(List<SequenceExample<Set<String>>> examples, List<MultiLabelPrediction> predictions) {
        return classification(examples, predictions).render(labels::label);
    }

    private ClassificationReport classification(List<SequenceExample<Set<String>>> examples,
                                                List<MultiLabelPrediction> predictions) {
        List<Set<Integer>> gold = examples.stream().map(e -> {
            Set<Integer> ids = new LinkedHashSet<>();
            for (String label : e.gold()) ids.add(labels.id(label));
            return ids;
        }).toList();
        return ClassificationReport.multiLabel(gold, predictions.stream().map(MultiLabelPrediction::labels).toList());
    }

    @Override
    public JsonObject toJson(MultiLabelPrediction prediction) {
        JsonObject o = new JsonObject();
        JsonArray chosen = new JsonArray();
        for (int c : prediction.labels()) chosen.add(labels.label(c));
        o.add("labels", chosen);
        JsonObject scores = new JsonObject();
        for (int c = 0; c < labels.size(); c++) scores.addProperty(labels.label(c), prediction.logits()[c]);
        o.add("scores", scores);
        return o;
    }
}
