package org.bert4j.train.data.corpus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/** The text of one JSON line: the first of the given fields the object has, which must be a string. */
final class JsonTextField {

    private JsonTextField() {}

    static String extract(String line, List<String> fields) throws UnreadableLine {
        JsonObject object = parseObject(line);
        for (String field : fields) {
            if (!object.has(field)) continue;
            JsonElement value = object.get(field);
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) return value.getAsString();
            throw new UnreadableLine("field \"" + field + "\" is not a string but " + kind(value));
        }
        throw new UnreadableLine("no text field: none of " + fields + " is present (fields: " + object.keySet() + ")");
    }

    /** Strict JSON (Gson's default parser is lenient: it would take {@code {a: b}} and trailing garbage). */
    private static JsonObject parseObject(String line) throws UnreadableLine {
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) throw new UnreadableLine("invalid JSON: text after the object");
            if (!element.isJsonObject()) throw new UnreadableLine("not a JSON object but " + kind(element));
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UnreadableLine("invalid JSON: " + briefly(cause.getMessage()));
        }
    }

    /** Gson's first line, without its advice to parse leniently and its troubleshooting link. */
    private static String briefly(String message) {
        if (message == null) return "unexpected end";
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
    }

    private static String kind(JsonElement e) {
        if (e.isJsonNull()) return "null";
        if (e.isJsonArray()) return "an array";
        if (e.isJsonObject()) return "an object";
        return e.getAsJsonPrimitive().isNumber() ? "a number" : e.getAsJsonPrimitive().isBoolean() ? "a boolean" : "a string";
    }
}
