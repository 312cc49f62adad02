package org.bert4j.finetune.task;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;

/**
 * How extractive QA cuts its inputs and reads its answers. They are saved in config.json, because a model must be
 * evaluated and served with the windows and the answer-length limit it was trained and chosen with: a saved model
 * decodes the same way wherever it is loaded.
 *
 * @param docStride         context tokens from one window's start to the next (original BERT's {@code doc_stride}:
 *                          the step, not HF's overlap); a step longer than a window is cut to the window, so no
 *                          context token is ever skipped
 * @param maxQuestionLength question tokens kept (the rest are cut), so a long question cannot crowd out the context
 * @param maxAnswerLength   longest answer predicted, in tokens (30 for English words; Chinese answers count
 *                          characters, so CMRC-style data may want more)
 */
public record QaSettings(int docStride, int maxQuestionLength, int maxAnswerLength) {

    /** BERT's and HF run_qa's defaults. */
    public static final QaSettings DEFAULTS = new QaSettings(128, 64, 30);

    public static final String DOC_STRIDE_KEY = "bert4j_doc_stride";
    public static final String MAX_QUESTION_LENGTH_KEY = "bert4j_max_question_length";
    public static final String MAX_ANSWER_LENGTH_KEY = "bert4j_max_answer_length";

    public QaSettings {
        if (docStride < 1) throw new IllegalArgumentException("doc stride must be at least 1 token, got " + docStride);
        if (maxQuestionLength < 1) throw new IllegalArgumentException("max question length must be at least 1 token, got " + maxQuestionLength);
        if (maxAnswerLength < 1) throw new IllegalArgumentException("max answer length must be at least 1 token, got " + maxAnswerLength);
    }

    /** The settings a saved model's config.json records; a key it lacks (an HF model from elsewhere) takes the default. */
    public static QaSettings fromConfig(HfConfig config) {
        int stride = positive(config, DOC_STRIDE_KEY, DEFAULTS.docStride);
        int question = positive(config, MAX_QUESTION_LENGTH_KEY, DEFAULTS.maxQuestionLength);
        int answer = positive(config, MAX_ANSWER_LENGTH_KEY, DEFAULTS.maxAnswerLength);
        return new QaSettings(stride, question, answer);
    }

    private static int positive(HfConfig config, String key, int fallback) {
        int v = config.optInt(key, fallback);
        if (v < 1) throw config.invalid(key, "must be at least 1, got " + v);
        return v;
    }

    /** The config.json keys that {@link #fromConfig} reads back. */
    public void addTo(JsonObject config) {
        config.addProperty(DOC_STRIDE_KEY, docStride);
        config.addProperty(MAX_QUESTION_LENGTH_KEY, maxQuestionLength);
        config.addProperty(MAX_ANSWER_LENGTH_KEY, maxAnswerLength);
    }
}
