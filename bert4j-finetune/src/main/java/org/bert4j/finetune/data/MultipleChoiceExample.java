package org.bert4j.finetune.data;

import java.util.List;
import java.util.Objects;

/**
 * A multiple-choice reading question (C3): context paragraphs (a text, or the turns of a dialogue), the question,
 * the choices, and the index of the right one, or {@link #NO_ANSWER} for data to predict. Questions do not all have
 * the same number of choices (C3 has 2, 3 and 4); a model pads or scores each choice on its own.
 */
public record MultipleChoiceExample(String id, List<String> context, String question, List<String> choices,
                                    int answerIndex) {

    public static final int NO_ANSWER = -1;

    public MultipleChoiceExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        context = List.copyOf(context);
        choices = List.copyOf(choices);
        if (answerIndex < NO_ANSWER || answerIndex >= choices.size()) {
            throw new IllegalArgumentException("answer index " + answerIndex + " with " + choices.size() + " choices");
        }
    }

    public boolean hasAnswer() { return answerIndex != NO_ANSWER; }

    /** The text of the right choice. */
    public String answer() {
        if (!hasAnswer()) throw new IllegalStateException(id + " has no answer");
        return choices.get(answerIndex);
    }
}
