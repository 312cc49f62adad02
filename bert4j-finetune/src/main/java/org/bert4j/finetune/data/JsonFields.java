package org.bert4j.finetune.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** Strict parsing of one JSON object and typed access to its fields, each failure a {@link BadRecord} saying why. */
final class JsonFields {

    private JsonFields() {}

    /**
     * {@code text} as one JSON object, strictly: Gson's default would accept {@code {a: b}} and trailing text, which
     * hides a broken line. {@code firstLine} is the file line the text starts on, to turn Gson's position into a
     * file line.
     */
    static JsonObject parseObject(String text, long firstLine) throws BadRecord {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) throw new BadRecord("bad JSON: text after the object");
            if (!element.isJsonObject()) throw new BadRecord("bad JSON: expected an object, found " + kind(element));
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            long line = JsonFiles.line(reader);
            throw new BadRecord("bad JSON: " + briefly(cause.getMessage()), line > 0 ? firstLine + line - 1 : 0);
        }
    }

    /** A required string field. */
    static String string(JsonObject object, String field) throws BadRecord {
        JsonElement value = required(object, field);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) return value.getAsString();
        throw new BadRecord("field \"" + field + "\" is not a string but " + kind(value));
    }

    /** A required identifier or label, written as a string or as a number (its JSON text then: {@code 1 -> "1"}). */
    static String scalar(JsonObject object, String field) throws BadRecord {
        JsonElement value = required(object, field);
        if (value.isJsonPrimitive() && !value.getAsJsonPrimitive().isBoolean()) return value.getAsString();
        throw new BadRecord("field \"" + field + "\" is not a string or number but " + kind(value));
    }

    /** A required number, written as a JSON number or as a string holding one. */
    static double number(JsonObject object, String field) throws BadRecord {
        JsonElement value = required(object, field);
        if (value.isJsonPrimitive() && !value.getAsJsonPrimitive().isBoolean()) {
            return FieldValues.score(value.getAsString());
        }
        throw new BadRecord("unparseable number: field \"" + field + "\" is " + kind(value));
    }

    /** An integer written as a JSON number without fraction. */
    static int integer(JsonElement value, String what) throws BadRecord {
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            String text = value.getAsString();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new BadRecord(what + " " + text + " is not an integer");
            }
        }
        throw new BadRecord(what + " is not an integer but " + kind(value));
    }

    static JsonElement required(JsonObject object, String field) throws BadRecord {
        JsonElement value = object.get(field);
        if (value == null) throw new BadRecord("no field \"" + field + "\" (fields: " + object.keySet() + ")");
        return value;
    }

    /** What a JSON value is, for messages. */
    static String kind(JsonElement element) {
        if (element == null || element.isJsonNull()) return "null";
        if (element.isJsonObject()) return "an object";
        if (element.isJsonArray()) return "an array";
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) return "a boolean";
        if (primitive.isNumber()) return "the number " + primitive.getAsString();
        return "a string";
    }

    /** Gson's message without its advice to parse leniently, its position (we give our own) and its web link. */
    static String briefly(String message) {
        if (message == null) return "unexpected end";
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        int at = first.indexOf(" at line ");
        if (at > 0) first = first.substring(0, at);
        return first.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
    }
}
