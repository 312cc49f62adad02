package org.bert4j.finetune.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Span-annotated texts in the CLUENER 2020 layout:
 * {@code {"text": "...", "label": {"name": {"叶老桂": [[9, 11]]}, ...}}}, offsets with inclusive ends. The objects
 * may be one a line or pretty-printed (both layouts circulate). Every span is checked against its text:
 * the span text must be what the text holds at the offsets, else the record is malformed, because a span that
 * points elsewhere would teach the model wrong boundaries. Spans become {@link EntitySpan}s with exclusive ends.
 * A missing or null {@code label} (the unlabelled test split) gives a text without spans.
 *
 * <p>The example's line is the line of the object's opening brace.
 */
public final class CluenerReader extends ExampleReader<SpanAnnotatedText> {

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<SpanAnnotatedText> sink) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObjectSequence objects = new JsonObjectSequence(in);
            for (JsonObjectSequence.Item item; (item = objects.next()) != null; ) {
                if (item.error() != null) {
                    report.reject(item.line(), item.error());
                    continue;
                }
                SpanAnnotatedText example;
                try {
                    example = convert(JsonFields.parseObject(item.json(), item.line()));
                } catch (BadRecord e) {
                    report.reject(e.lineOr(item.line()), e.getMessage());
                    continue;
                }
                sink.accept(example, item.line());
            }
        }
    }

    private static SpanAnnotatedText convert(JsonObject object) throws BadRecord {
        String text = JsonFields.string(object, "text");
        JsonElement label = object.get("label");
        List<EntitySpan> spans = new ArrayList<>();
        if (label != null && !label.isJsonNull()) {
            if (!label.isJsonObject()) {
                throw new BadRecord("\"label\" is " + JsonFields.kind(label)
                        + ", not an object {type: {span text: [[start, end], ...]}}");
            }
            for (Map.Entry<String, JsonElement> type : label.getAsJsonObject().entrySet()) {
                if (!type.getValue().isJsonObject()) {
                    throw new BadRecord("entity type \"" + type.getKey() + "\" maps to " + JsonFields.kind(type.getValue())
                            + ", not an object {span text: [[start, end], ...]}");
                }
                for (Map.Entry<String, JsonElement> entity : type.getValue().getAsJsonObject().entrySet()) {
                    addSpans(text, type.getKey(), entity.getKey(), entity.getValue(), spans);
                }
            }
        }
        return new SpanAnnotatedText(text, spans);
    }

    private static void addSpans(String text, String type, String spanText, JsonElement positions, List<EntitySpan> spans)
            throws BadRecord {
        String what = type + " \"" + spanText + "\"";
        if (!positions.isJsonArray()) throw new BadRecord(what + ": positions are " + JsonFields.kind(positions) + ", not [[start, end], ...]");
        if (spanText.isEmpty()) throw new BadRecord(what + ": empty span text");
        for (JsonElement position : positions.getAsJsonArray()) {
            if (!position.isJsonArray() || position.getAsJsonArray().size() != 2) {
                throw new BadRecord(what + ": position " + position + " is not [start, end]");
            }
            JsonArray pair = position.getAsJsonArray();
            int start = JsonFields.integer(pair.get(0), what + ": start");
            int endInclusive = JsonFields.integer(pair.get(1), what + ": end");
            int at = CharOffsets.locate(text, start, spanText);
            if (at < 0) {
                throw new BadRecord(what + " at [" + start + ", " + endInclusive + "] does not match the text, which holds "
                        + CharOffsets.excerpt(text, start, spanText.length()) + " there");
            }
            int length = endInclusive - start + 1;
            if (length != spanText.length() && length != spanText.codePointCount(0, spanText.length())) {
                throw new BadRecord(what + " at [" + start + ", " + endInclusive + "]: the end does not fit the span's length "
                        + spanText.length() + " (ends are inclusive)");
            }
            spans.add(new EntitySpan(type, at, at + spanText.length()));
        }
    }
}
