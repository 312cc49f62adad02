package org.bert4j.finetune.task;

import org.bert4j.checkpoint.HfConfig;
import org.bert4j.finetune.data.LabelSet;

/** The sequence-level tasks by kind, and the task a saved model's config.json describes. */
public final class SequenceTasks {

    private SequenceTasks() {}

    /**
     * @param labels the classes (ignored for regression)
     * @param pair   whether inputs are text pairs (always for pair-classification)
     */
    public static SequenceTask<?, ?, ?> create(TaskKind kind, boolean pair, LabelSet labels) {
        return switch (kind) {
            case CLASSIFICATION -> new SingleLabelClassification(labels, pair);
            case PAIR_CLASSIFICATION -> new SingleLabelClassification(labels, true);
            case REGRESSION -> new Regression(pair);
            case MULTI_LABEL -> new MultiLabelClassification(labels, pair);
            case TOKEN_CLASSIFICATION, TOKEN_CLASSIFICATION_CRF, SPANS, MULTIPLE_CHOICE, QUESTION_ANSWERING ->
                    throw new IllegalArgumentException(kind.cliName() + " is not a sequence-level task (see TokenClassification, "
                            + "SpanExtraction, MultipleChoice, ExtractiveQa)");
        };
    }

    /**
     * The task of a fine-tuned model: {@code bert4j_task} and {@code bert4j_pair_input} when bert4j wrote them; for
     * a model from elsewhere HF's {@code problem_type}, else one output means regression and more mean
     * single-label classification (what HF's classes assume), with single-text inputs.
     */
    public static SequenceTask<?, ?, ?> fromConfig(HfConfig config) {
        LabelSet labels = labels(config);
        boolean pair = config.optBoolean(SequenceTask.PAIR_KEY, false);
        if (config.has(SequenceTask.TASK_KEY)) {
            try {
                return create(TaskKind.named(config.requireString(SequenceTask.TASK_KEY)), pair, labels);
            } catch (IllegalArgumentException e) {
                throw config.invalid(SequenceTask.TASK_KEY, e.getMessage());
            }
        }
        String problem = config.optString("problem_type", labels.size() == 1 ? "regression" : "single_label_classification");
        return switch (problem) {
            case "regression" -> new Regression(pair);
            case "multi_label_classification" -> new MultiLabelClassification(labels, pair);
            case "single_label_classification" -> new SingleLabelClassification(labels, pair);
            default -> throw config.invalid("problem_type", "must be regression, single_label_classification or "
                    + "multi_label_classification, got '" + problem + "'");
        };
    }

    private static LabelSet labels(HfConfig config) {
        if (!config.has("id2label")) throw config.invalid("id2label", "is missing: not a fine-tuned sequence model");
        try {
            return LabelSet.fromJson(config.json());
        } catch (IllegalArgumentException e) {
            throw config.invalid("id2label", e.getMessage());
        }
    }
}
