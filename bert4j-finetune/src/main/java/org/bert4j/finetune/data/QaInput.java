package org.bert4j.finetune.data;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A question to answer given on one line, as {@code bert4j predict} reads it for a QA model: a JSON object
 * {@code {"question": …, "context": …}}, optionally with an {@code "id"} (string or number) that is echoed back; without
 * one the input's number is its id.
 * Parsed strictly, like the JSON-lines data files, so a broken line is reported rather than half read.
 */
public final class QaInput {

    private QaInput() {}

    /**
     * @param number the input's number from 1, for errors
     * @throws IllegalArgumentException naming the input when the line is not such an object
     */
    public static QaExample parse(String line, int number) {
        try {
            JsonObject o = JsonFields.parseObject(line, number);
            String id = o.has("id") ? JsonFields.scalar(o, "id") : Integer.toString(number);
            return new QaExample(id, null, JsonFields.string(o, "context"), JsonFields.string(o, "question"), List.of());
        } catch (BadRecord e) {
            throw new IllegalArgumentException("input " + number + ": " + e.getMessage()
                    + " (a QA model reads {\"question\": ..., \"context\": ...} a line)", e);
        }
    }
}
