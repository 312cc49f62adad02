package org.bert4j.finetune.data;

import java.util.List;
import java.util.Objects;

/**
 * One question of extractive QA (SQuAD, CMRC 2018, DRCD): the answers are spans of {@code context}. {@code title}
 * is the article title where the file has one, else null. {@code answers} may be empty: a question to predict
 * rather than to learn from, or an unanswerable one.
 */
public record QaExample(String id, String title, String context, String question, List<QaAnswer> answers) {

    public QaExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(question, "question");
        answers = List.copyOf(answers);
        for (QaAnswer answer : answers) {
            if (answer.aligned() && !context.startsWith(answer.text(), answer.start())) {
                throw new IllegalArgumentException("question " + id + ": answer \"" + answer.text()
                        + "\" is not at " + answer.start() + " of the context");
            }
        }
    }

    /** The answers whose position is known: the only ones a span-prediction loss can use. */
    public List<QaAnswer> trainingAnswers() {
        return answers.stream().filter(QaAnswer::aligned).toList();
    }

    /** The reference texts a prediction is scored against (all answers, aligned or not). */
    public List<String> answerTexts() {
        return answers.stream().map(QaAnswer::text).toList();
    }
}
