package org.bert4j.finetune.task;

import java.util.Arrays;
import java.util.Locale;

/**
 * The fine-tuning tasks by the name the command line and run files use, with the Hugging Face
 * {@code problem_type} a saved model declares (which also tells HF's classes which loss to use).
 */
public enum TaskKind {
    /** One text, one class: sentiment, topic. */
    CLASSIFICATION("classification", "single_label_classification"),
    /** Two texts, one class for their relation: matching, inference. */
    PAIR_CLASSIFICATION("pair-classification", "single_label_classification"),
    /** A real-valued score of one text or a pair (STS-B similarity); MSE loss. */
    REGRESSION("regression", "regression"),
    /** Any number of classes per text; ZLPR loss, a class predicted when its logit is above 0. */
    MULTI_LABEL("multi-label", "multi_label_classification"),
    /** One tag per word or character (NER), a softmax per token; HF has no problem_type for it (null). */
    TOKEN_CLASSIFICATION("token-classification", null),
    /** The same, with a linear-chain CRF over the per-token scores (trained on whole tag paths, Viterbi-decoded). */
    TOKEN_CLASSIFICATION_CRF("token-classification-crf", null),
    /** Typed spans of a text, nested ones included (CLUENER), scored by a GlobalPointer; no HF problem_type (null). */
    SPANS("spans", null),
    /**
     * Reading comprehension with k options (C3): each option is scored against the others, a softmax over one
     * question's own options; HF's {@code *ForMultipleChoice} classes have no problem_type (null).
     */
    MULTIPLE_CHOICE("multiple-choice", null),
    /**
     * Extractive question answering (SQuAD, CMRC 2018, DRCD): the answer is a span of a context, found from start and
     * end scores per token over sliding windows; HF has no problem_type for it (null).
     */
    QUESTION_ANSWERING("question-answering", null);

    private final String cliName;
    private final String problemType;

    TaskKind(String cliName, String problemType) {
        this.cliName = cliName;
        this.problemType = problemType;
    }

    public String cliName() { return cliName; }

    /** HF's {@code problem_type}, or null for the tagging, span, multiple-choice and QA kinds, whose HF classes do not read it. */
    public String problemType() { return problemType; }

    /** Whether the task tags each word (its examples are tagged sentences, not texts with one answer). */
    public boolean tagging() { return this == TOKEN_CLASSIFICATION || this == TOKEN_CLASSIFICATION_CRF; }

    /** The kind named {@code name} ({@code pair-classification} or {@code pair_classification}); the error lists them. */
    public static TaskKind named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TaskKind k : values()) if (k.cliName.equals(wanted)) return k;
        throw new IllegalArgumentException("unknown task '" + name + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(TaskKind::cliName).toList()) + ")");
    }
}
