package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.metrics.ClassificationReport;
import org.bert4j.finetune.metrics.ConfusionMatrix;
import org.bert4j.finetune.metrics.MetricResult;

/**
 * One class per text or text pair: softmax cross-entropy over the classes of a {@link LabelSet}, the argmax
 * predicted. Metrics: accuracy (the headline), macro and micro F1 and their companions; the report adds the
 * confusion matrix and the per-class table.
 */
public final class SingleLabelClassification extends SequenceTask<String, Integer, ClassPrediction> {

    private final LabelSet labels;

    public SingleLabelClassification(LabelSet labels, boolean pairInput) {
        super(pairInput ? TaskKind.PAIR_CLASSIFICATION : TaskKind.CLASSIFICATION, pairInput);
        if (labels.size() < 2) throw new IllegalArgumentException("classification needs at least 2 classes, the data has " + labels.labels());
        this.labels = labels;
    }

    public LabelSet labels() { return labels; }

    @Override
    public int outputs() { return labels.size(); }

    @Override
    public LabelSet outputNames() { return labels; }

    @Override
    Integer target(String gold) { return labels.id(gold); }

    @Override
    public NDArray loss(NDArray logits, List<Feature<Integer>> batch) {
        long[] targets = batch.stream().mapToLong(Feature::target).toArray();
        NDArray gold = logits.getManager().create(targets).reshape(-1, 1); // (B, 1)
        return logits.logSoftmax(1).gather(gold, 1).mean().neg(); // mean −log p(gold)
    }

    @Override
    public ClassPrediction predict(SequenceExample<String> example, List<Feature<Integer>> features, List<float[]> outputs) {
        return ClassPrediction.fromLogits(outputs.get(0));
    }

    @Override
    public MetricResult score(List<SequenceExample<String>> examples, List<ClassPrediction> predictions) {
        return ClassificationReport.singleLabel(gold(examples), predicted(predictions)).toResult();
    }

    @Override
    public List<String> metricNames() {
        return List.of("accuracy", "macro_precision", "macro_recall", "macro_f1", "micro_f1", "weighted_f1");
    }

    @Override
    public String report(List<SequenceExample<String>> examples, List<ClassPrediction> predictions) {
        int[] gold = gold(examples);
        int[] predicted = predicted(predictions);
        return ConfusionMatrix.of(gold, predicted, labels.labels()).render() + "\n\n"
                + ClassificationReport.singleLabel(gold, predicted).render(labels::label);
    }

    @Override
    public JsonObject toJson(ClassPrediction prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("label", labels.label(prediction.label()));
        o.addProperty("score", prediction.probability());
        JsonObject all = new JsonObject();
        for (int c = 0; c < labels.size(); c++) all.addProperty(labels.label(c), prediction.probabilities()[c]);
        o.add("probabilities", all);
        return o;
    }

    private int[] gold(List<SequenceExample<String>> examples) {
        return examples.stream().mapToInt(e -> labels.id(e.gold())).toArray();
    }

    private static int[] predicted(List<ClassPrediction> predictions) {
        return predictions.stream().mapToInt(ClassPrediction::label).toArray();
    }
}
