package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.data.QaAnswer;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.finetune.head.QuestionAnsweringHead;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.metrics.AnswerLanguage;
import org.bert4j.finetune.metrics.Cmrc2018AnswerScorer;
import org.bert4j.finetune.metrics.ExtractiveQaScores;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.nn.Scalars;

/**
 * Extractive question answering (SQuAD v1.1, CMRC 2018, DRCD): the answer is a span of the context. A context longer
 * than the maximum length is read through overlapping windows ({@link QaWindows}), one feature each; the head scores
 * every token as the answer's start and as its end ({@link QuestionAnsweringHead}), trained with cross-entropy over
 * each row's real positions on the first aligned answer's first and last tokens ([CLS] for a window without it);
 * prediction is the best span over all of an example's windows ({@link AnswerSearch}), cut from the context's own
 * characters. Metrics: the official scripts' exact match and F1 per question, best over its gold answers, with
 * CMRC 2018's character-level rules for answers in Chinese and SQuAD's word-level rules otherwise
 * ({@link AnswerLanguage#AUTO}); headline {@code f1}.
 */
public final class ExtractiveQa implements Task<QaExample, QaTarget, AnswerSpan> {

    /** The head's two output channels, saved as {@code id2label} (HF's QA classes read only their number). */
    private static final LabelSet OUTPUTS = LabelSet.inOrder(List.of("start", "end"));
    /** Added to padding's scores before the softmax, so the loss runs over real positions only (exp underflows to 0). */
    private static final float PADDING = -10_000f;

    private final QaSettings settings;

    public ExtractiveQa(QaSettings settings) {
        this.settings = settings;
    }

    /** The task a saved QA model's config.json describes; settings it lacks take {@link QaSettings#DEFAULTS}. */
    public static ExtractiveQa fromConfig(HfConfig config) {
        if (config.has("num_labels") && config.optInt("num_labels", 2) != 2) {
            throw config.invalid("num_labels", "must be 2 (start and end) for question answering, got " + config.optInt("num_labels", 2));
        }
        return new ExtractiveQa(QaSettings.fromConfig(config));
    }

    @Override
    public TaskKind kind() { return TaskKind.QUESTION_ANSWERING; }

    public QaSettings settings() { return settings; }

    /** The names of the head's outputs, written to {@code labels.json}. */
    public LabelSet outputNames() { return OUTPUTS; }

    @Override
    public List<Feature<QaTarget>> features(QaExample example, int index, InputEncoder encoder) {
        QaWindows windows = QaWindows.of(encoder, example.question(), example.context(), settings, "question " + example.id());
        List<QaAnswer> answers = example.trainingAnswers();
        int[] gold = answers.isEmpty() ? null : windows.tokenRange(answers.get(0).start(), answers.get(0).end());
        List<Feature<QaTarget>> out = new ArrayList<>(windows.windows().size());
        for (QaWindow w : windows.windows()) {
            boolean inside = gold != null && w.covers(gold[0]) && w.covers(gold[1]);
            QaTarget target = inside ? new QaTarget(w, w.position(gold[0]), w.position(gold[1])) : new QaTarget(w, 0, 0);
            out.add(Feature.single(index, w.row(), target));
        }
        return out;
    }

    @Override
    public TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout) {
        if (!Double.isNaN(dropout)) {
            throw new IllegalArgumentException("question answering has no head dropout to set (HF's *ForQuestionAnswering applies "
                    + "none): leave train.classifier_dropout empty");
        }
        return new QuestionAnsweringHead(family.sequenceClassifier(config), spec.hiddenSize());
    }

    @Override
    public JsonObject config() {
        JsonObject o = Task.labelConfig(OUTPUTS, OUTPUTS.size(), kind());
        settings.addTo(o);
        return o;
    }

    /**
     * (CE(start) + CE(end)) / 2 per window, averaged over the batch: each a softmax over the row's real positions
     * (padding pushed to −10⁴ first) picked at the gold position.
     */
    @Override
    public NDArray loss(NDArray outputs, List<Feature<QaTarget>> batch) {
        Shape shape = outputs.getShape(); // (B, T, 2)
        int length = Math.toIntExact(shape.get(1));
        float[] padding = new float[batch.size() * length];
        float[] gold = new float[batch.size() * length * 2];
        for (int b = 0; b < batch.size(); b++) {
            QaTarget t = batch.get(b).target();
            for (int p = batch.get(b).length(); p < length; p++) padding[b * length + p] = PADDING;
            gold[(b * length + t.start()) * 2] = 1;
            gold[(b * length + t.end()) * 2 + 1] = 1;
        }
        NDManager m = outputs.getManager();
        NDArray masked = outputs.add(m.create(padding, new Shape(batch.size(), length, 1)).toType(outputs.getDataType(), false));
        NDArray picks = m.create(gold, shape).toType(outputs.getDataType(), false);
        NDArray picked = masked.logSoftmax(1).mul(picks).sum();
        return picked.div(Scalars.like(picked, 2.0 * batch.size())).neg();
    }

    @Override
    public AnswerSpan predict(QaExample example, List<Feature<QaTarget>> features, List<float[]> outputs) {
        List<QaWindow> windows = features.stream().map(f -> f.target().window()).toList();
        return AnswerSearch.best(example.context(), windows, outputs, settings.maxAnswerLength());
    }

    @Override
    public MetricResult score(List<QaExample> examples, List<AnswerSpan> predictions) {
        ExtractiveQaScores s = scores(examples, predictions);
        return MetricResult.of("f1", s.f1()).with("exact_match", s.exactMatch());
    }

    private static ExtractiveQaScores scores(List<QaExample> examples, List<AnswerSpan> predictions) {
        return ExtractiveQaScores.of(predictions.stream().map(AnswerSpan::text).toList(),
                examples.stream().map(QaExample::answerTexts).toList(), AnswerLanguage.AUTO);
    }

    @Override
    public List<String> metricNames() {
        return List.of("f1", "exact_match");
    }

    /** Which official rules scored how many questions, since the two F1s are not comparable with each other. */
    @Override
    public String report(List<QaExample> examples, List<AnswerSpan> predictions) {
        long chinese = examples.stream()
                .filter(e -> AnswerLanguage.AUTO.scorerFor(e.answerTexts()) == Cmrc2018AnswerScorer.INSTANCE).count();
        return String.format(java.util.Locale.ROOT, "scored with CMRC 2018's character rules (Chinese answers): %,d questions%n"
                + "scored with SQuAD v1.1's word rules: %,d questions", chinese, examples.size() - chinese);
    }

    /** The answer's text, its character offsets in the context (end exclusive) and its score. */
    @Override
    public JsonObject toJson(AnswerSpan prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("answer", prediction.text());
        o.addProperty("start", prediction.start());
        o.addProperty("end", prediction.end());
        o.addProperty("score", prediction.score());
        return o;
    }
}
