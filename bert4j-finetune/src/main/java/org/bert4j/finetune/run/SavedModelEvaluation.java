package org.bert4j.finetune.run;

import java.nio.file.Path;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;

/**
 * Scores a fine-tuned model directory on a labelled file, reading the file as the model's task reads data (the
 * same format and column settings as {@code finetune}); every label must be one the model knows, else the error
 * names the file and line.
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

    private static <G, T, P> Report evaluate(TaskModel model, SequenceTask<G, T, P> task, Path data, FineTuneConfig.Data settings,
                                             int maxLength, int batchSize) {
        ReadResult<SequenceExample<G>> read = TaskFiles.forTask(task, settings).read(data);
        if (read.size() == 0) throw new IllegalArgumentException(data + ": no examples");
        checkGold(task, read);
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<SequenceExample<G>, T> features = FeatureSet.of(task, read.examples(), encoder);
            Evaluator.Result<P> r = Evaluator.run(model, task, features, batchSize, true);
            return new Report(r.metrics(), r.loss(), task.report(read.examples(), r.predictions()), read.size());
        }
    }

    /** A gold answer the model cannot output (a label it never saw) is reported with its line. */
    @SuppressWarnings("unchecked") // the kind decides G: a label for classification, a set of labels for multi-label
    private static <G> void checkGold(SequenceTask<G, ?, ?> task, ReadResult<SequenceExample<G>> read) {
        var labels = task.outputNames();
        switch (task.kind()) {
            case CLASSIFICATION, PAIR_CLASSIFICATION -> labels.requireKnown(read, e -> (String) e.gold());
            case MULTI_LABEL -> labels.requireAllKnown(read, e -> (java.util.Set<String>) e.gold());
            case REGRESSION -> { }
        }
    }
}
