package org.bert4j.finetune.run;

import java.nio.file.Path;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.task.Task;
import org.bert4j.finetune.task.TokenClassification;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.finetune.data.CluenerReader;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.OnBadRecord;
import org.bert4j.finetune.data.SpanAnnotatedText;
import org.bert4j.finetune.task.MultipleChoice;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.SpanExtraction;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;

/**
 * Scores a fine-tuned model directory on a labelled file, reading the file as the model's task reads data (the
 * same format and column settings as {@code finetune}; CoNLL or BMES lines for a tagger, C3 JSON for multiple
 * choice, SQuAD JSON for QA); every label or tag must be one the model knows, else the error names the file and line.
 */
public final class SavedModelEvaluation {

    /** @param details the task's breakdown (confusion matrix, per-class table), "" when it has none */
    public record Report(MetricResult metrics, double loss, String details, int examples) {}

    private SavedModelEvaluation() {}

    /** @param maxLength tokens per input, 0 for the length the model was fine-tuned with */
    public static Report evaluate(Path modelDir, Path data, FineTuneConfig.Data settings, int maxLength, int batchSize) {
        try (TaskModels.Loaded loaded = TaskModels.load(modelDir)) {
            return evaluate(loaded.model(), loaded.task(), data, settings, maxLength, batchSize);
        }
    }

    private static <E, T, P> Report evaluate(TaskModel model, Task<E, T, P> task, Path data, FineTuneConfig.Data settings,
                                             int maxLength, int batchSize) {
        ReadResult<E> read = read(task, data, settings);
        if (read.size() == 0) throw new IllegalArgumentException(data + ": no examples");
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<E, T> features = FeatureSet.of(task, read.examples(), encoder);
            Evaluator.Result<P> r = Evaluator.run(model, task, features, batchSize, true);
            String details = task.report(read.examples(), r.predictions());
            if (task instanceof TokenClassification tagger && tagger.truncatedExamples() > 0) {
                details += String.format(java.util.Locale.ROOT, "%n%,d sentences longer than %d tokens: their words past it were predicted O%n",
                        tagger.truncatedExamples(), length);
            }
            return new Report(r.metrics(), r.loss(), details, read.size());
        }
    }

    /**
     * The file read as the task reads data; a gold answer the model cannot output (a label or tag it never saw) is
     * reported with its line. The task's type decides the example type E, which the casts state.
     */
    @SuppressWarnings("unchecked")
    static <E> ReadResult<E> read(Task<E, ?, ?> task, Path data, FineTuneConfig.Data settings) {
        if (task instanceof TokenClassification tagger) {
            ReadResult<TaggedSequence> read = TaggedFiles.read(data, settings);
            tagger.tags().requireAllKnown(read, TaggedSequence::tags);
            return (ReadResult<E>) read;
        }
        if (task instanceof ExtractiveQa) return (ReadResult<E>) QaFiles.read(data, settings);
        if (task instanceof SpanExtraction spans) {
            ReadResult<SpanAnnotatedText> read = new CluenerReader().readAll(data, settings.skipBadLines() ? OnBadRecord.SKIP : OnBadRecord.FAIL);
            spans.types().requireAllKnown(read, t -> t.spans().stream().map(EntitySpan::type).toList());
            return (ReadResult<E>) read;
        }
        if (task instanceof MultipleChoice) return (ReadResult<E>) ChoiceFiles.read(data, settings);
        SequenceTask<Object, ?, ?> sequence = (SequenceTask<Object, ?, ?>) task;
        ReadResult<SequenceExample<Object>> read = TaskFiles.forTask(sequence, settings).read(data);
        checkGold(sequence, read);
        return (ReadResult<E>) read;
    }

    /** A gold answer the model cannot output (a label it never saw) is reported with its line. */
    @SuppressWarnings("unchecked") // the kind decides G: a label for classification, a set of labels for multi-label
    private static <G> void checkGold(SequenceTask<G, ?, ?> task, ReadResult<SequenceExample<G>> read) {
        var labels = task.outputNames();
        switch (task.kind()) {
            case CLASSIFICATION, PAIR_CLASSIFICATION -> labels.requireKnown(read, e -> (String) e.gold());
            case MULTI_LABEL -> labels.requireAllKnown(read, e -> (java.util.Set<String>) e.gold());
            case REGRESSION, TOKEN_CLASSIFICATION, TOKEN_CLASSIFICATION_CRF, SPANS, MULTIPLE_CHOICE, QUESTION_ANSWERING -> { }
        }
    }
}
