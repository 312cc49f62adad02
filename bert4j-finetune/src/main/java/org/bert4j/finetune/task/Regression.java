package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.metrics.Correlation;
import org.bert4j.finetune.metrics.MetricResult;

/**
 * A real-valued score per text or pair (STS-B similarity 0–5): one output trained by mean squared error against
 * the gold score, as HF's {@code problem_type: regression}. Metrics: Spearman (the headline: similarity benchmarks
 * rank pairs), Pearson, and the MSE itself. A constant prediction has no correlation: NaN, as SciPy says.
 */
public final class Regression extends SequenceTask<Double, Float, Double> {

    public Regression(boolean pairInput) {
        super(TaskKind.REGRESSION, pairInput);
    }

    @Override
    public int outputs() { return 1; }

    @Override
    public LabelSet outputNames() { return LabelSet.inOrder(List.of("LABEL_0")); }

    @Override
    Float target(Double gold) { return gold.floatValue(); }

    @Override
    public NDArray loss(NDArray outputs, List<Feature<Float>> batch) {
        float[] targets = new float[batch.size()];
        for (int i = 0; i < targets.length; i++) targets[i] = batch.get(i).target();
        NDArray gold = outputs.getManager().create(targets).toType(outputs.getDataType(), false); // (B)
        return outputs.reshape(-1).sub(gold).square().mean();
    }

    @Override
    public Double predict(SequenceExample<Double> example, List<Feature<Float>> features, List<float[]> outputs) {
        return (double) outputs.get(0)[0];
    }

    @Override
    public MetricResult score(List<SequenceExample<Double>> examples, List<Double> predictions) {
        double[] gold = examples.stream().mapToDouble(SequenceExample::gold).toArray();
        double[] predicted = predictions.stream().mapToDouble(Double::doubleValue).toArray();
        double squared = 0;
        for (int i = 0; i < gold.length; i++) squared += (predicted[i] - gold[i]) * (predicted[i] - gold[i]);
        return MetricResult.of("spearman", Correlation.spearman(predicted, gold))
                .with("pearson", Correlation.pearson(predicted, gold))
                .with("mse", squared / gold.length);
    }

    @Override
    public List<String> metricNames() {
        return List.of("spearman", "pearson", "mse");
    }

    @Override
    public String report(List<SequenceExample<Double>> examples, List<Double> predictions) { return ""; }

    @Override
    public JsonObject toJson(Double prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("value", prediction);
        return o;
    }
}
