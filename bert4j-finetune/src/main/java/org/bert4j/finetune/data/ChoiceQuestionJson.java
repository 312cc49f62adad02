package org.bert4j.finetune.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One multiple-choice question written on its own, as {@code bert4j predict} reads it, one JSON object a line:
 * {@code {"context": "..." or ["paragraph", ...], "question": "...", "choices": ["...", ...]}}. The context may be
 * one text or C3's list of paragraphs (dialogue turns); there is no answer (that is what is asked for).
 */
public final class ChoiceQuestionJson {

    private ChoiceQuestionJson() {}

    /** @param id names the input in errors and in the example ({@code input 3}) */
    public static MultipleChoiceExample parse(String json, String id) {
        try {
            JsonObject o = JsonFields.parseObject(json, 1);
            JsonElement context = JsonFields.required(o, "context");
            List<String> paragraphs = context.isJsonPrimitive() && context.getAsJsonPrimitive().isString()
                    ? List.of(context.getAsString()) : C3Reader.strings(context, "\"context\"");
            String question = JsonFields.string(o, "question");
            List<String> choices = C3Reader.choices(JsonFields.required(o, "choices"), "\"choices\"");
            return new MultipleChoiceExample(id, paragraphs, question, choices, MultipleChoiceExample.NO_ANSWER);
        } catch (BadRecord e) {
            throw new IllegalArgumentException(id + ": " + e.getMessage() + " (a multiple-choice model reads "
                    + "{\"context\": text or [paragraphs], \"question\": text, \"choices\": [texts]} per line)");
        }
    }
}
