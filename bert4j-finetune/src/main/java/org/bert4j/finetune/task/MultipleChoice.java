package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.data.MultipleChoiceExample;
import org.bert4j.finetune.head.SequenceHeads;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.metrics.Accuracy;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.nn.Scalars;

/**
 * Multiple-choice reading comprehension (C3), as HF's {@code *ForMultipleChoice}: a question with k options is one
 * feature of k rows, row i the pair (passage, question + " " + option i); the head gives each row one score and the
 * k scores of a question compete in a softmax of their own. Scoring options against each other, rather than each on
 * its own as right or wrong, is what makes a plausible option lose to a better one.
 *
 * <p>Passages are often longer than the maximum length, so only the passage is cut ({@link
 * InputEncoder#encodeKeepingSecond}): an option cut away could not be judged at all. C3 questions have 2, 3 or 4
 * options, so a batch mixes feature sizes: the loss lays the scores out as (questions, most options), the missing
 * options at a score whose probability is exactly 0, so each question's softmax runs over its own options only.
 * Metric: accuracy; the report breaks it down by the number of options, beside the chance level.
 */
public final class MultipleChoice implements Task<MultipleChoiceExample, Integer, ChoicePrediction> {

    /** One output per row, an option's score; HF names it as it names a regression output. */
    private static final LabelSet OUTPUT = LabelSet.inOrder(List.of("LABEL_0"));
    /** The score of an option a question does not have: finite (so 0 · it stays 0), and e^it underflows to exactly 0. */
    static final double ABSENT = -1e12;

    @Override
    public TaskKind kind() { return TaskKind.MULTIPLE_CHOICE; }

    /** The name of the model's one output, for {@code labels.json}. */
    public LabelSet outputNames() { return OUTPUT; }

    /**
     * The passage as one text: the paragraphs (dialogue turns) joined by newlines, which the tokenizer reads as
     * whitespace, so turns stay apart in English and nothing is added between Chinese characters.
     */
    public static String passage(MultipleChoiceExample example) {
        return String.join("\n", example.context());
    }

    @Override
    public List<Feature<Integer>> features(MultipleChoiceExample example, int index, InputEncoder encoder) {
        String passage = passage(example);
        List<EncodedText> rows = new ArrayList<>(example.choices().size());
        for (String choice : example.choices()) rows.add(encoder.encodeKeepingSecond(passage, example.question() + " " + choice));
        return List.of(new Feature<>(index, rows, example.hasAnswer() ? example.answerIndex() : null));
    }

    @Override
    public TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout) {
        var head = SequenceHeads.multipleChoice(family, family.sequenceClassifier(config), spec);
        return SequenceHeads.create(SequenceHeads.withDropout(head, dropout), spec.hiddenSize(), 1);
    }

    @Override
    public JsonObject config() {
        return Task.labelConfig(OUTPUT, 1, kind());
    }

    /** Mean over questions of −log softmax(own options' scores)[gold]; {@code scores} is (rows, 1). */
    @Override
    public NDArray loss(NDArray scores, List<Feature<Integer>> batch) {
        int most = batch.stream().mapToInt(f -> f.rows().size()).max().orElseThrow();
        long[] index = new long[batch.size() * most];
        boolean[] present = new boolean[index.length];
        long[] gold = new long[batch.size()];
        int row = 0;
        for (int q = 0; q < batch.size(); q++) {
            Feature<Integer> f = batch.get(q);
            if (f.target() == null) throw new IllegalArgumentException("question " + (f.example() + 1) + " has no answer: no loss without one");
            int k = f.rows().size();
            for (int j = 0; j < most; j++) {
                index[q * most + j] = row + Math.min(j, k - 1); // a missing option repeats a real row; its score is masked
                present[q * most + j] = j < k;
            }
            gold[q] = f.target();
            row += k;
        }
        NDManager m = scores.getManager();
        Shape grid = new Shape(batch.size(), most);
        NDArray byQuestion = scores.reshape(-1).take(m.create(index, grid)); // (questions, most)
        NDArray masked = NDArrays.where(m.create(present, grid), byQuestion, Scalars.like(byQuestion, ABSENT));
        return masked.logSoftmax(1).gather(m.create(gold, new Shape(batch.size(), 1)), 1).mean().neg();
    }

    @Override
    public ChoicePrediction predict(MultipleChoiceExample example, List<Feature<Integer>> features, List<float[]> outputs) {
        ClassPrediction p = ClassPrediction.fromLogits(outputs.get(0));
        return new ChoicePrediction(p.label(), example.choices().get(p.label()), p.probabilities());
    }

    @Override
    public MetricResult score(List<MultipleChoiceExample> examples, List<ChoicePrediction> predictions) {
        return MetricResult.of("accuracy", Accuracy.of(gold(examples), chosen(predictions)));
    }

    @Override
    public List<String> metricNames() {
        return List.of("accuracy");
    }

    @Override
    public String report(List<MultipleChoiceExample> examples, List<ChoicePrediction> predictions) {
        int[] options = examples.stream().mapToInt(e -> e.choices().size()).toArray();
        return Accuracy.byOptionCount(options, gold(examples), chosen(predictions));
    }

    /** The chosen option's index and text, and every option's probability in the question's order. */
    @Override
    public JsonObject toJson(ChoicePrediction prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("answer_index", prediction.choice());
        o.addProperty("answer", prediction.text());
        JsonArray probabilities = new JsonArray();
        for (double p : prediction.probabilities()) probabilities.add(p);
        o.add("probabilities", probabilities);
        return o;
    }

    private static int[] gold(List<MultipleChoiceExample> examples) {
        return examples.stream().mapToInt(MultipleChoiceExample::answerIndex).toArray();
    }

    private static int[] chosen(List<ChoicePrediction> predictions) {
        return predictions.stream().mapToInt(ChoicePrediction::choice).toArray();
    }
}
