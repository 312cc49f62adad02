package org.bert4j.finetune.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Examples from a JSON-lines file (one object a line, as in the CLUE releases), the caller naming the fields.
 * A label may be written as a string or a number ({@code 1} reads as {@code "1"}). Some data sets mark examples
 * whose annotators did not agree with a placeholder label (OCNLI and MNLI write {@code "-"}): name it with
 * {@link #skippingLabel} and such examples are counted as skipped (not as errors), since they have no gold label
 * to learn or score. Blank lines are counted as skipped.
 *
 * <pre>{@code
 * JsonLinesReader.pairs("sentence1", "sentence2", "label").skippingLabel("-")   // OCNLI
 * }</pre>
 */
public final class JsonLinesReader<T> extends ExampleReader<T> {

    /** Builds an example from one parsed line. */
    @FunctionalInterface
    interface ObjectMapper<T> {
        T map(JsonObject object) throws BadRecord;
    }

    private final String labelField;
    private final Set<String> noGoldLabels;
    private final ObjectMapper<T> mapper;

    private JsonLinesReader(String labelField, Set<String> noGoldLabels, ObjectMapper<T> mapper) {
        this.labelField = labelField;
        this.noGoldLabels = Set.copyOf(noGoldLabels);
        this.mapper = mapper;
    }

    public static JsonLinesReader<TextExample> texts(String textField, String labelField) {
        return new JsonLinesReader<>(labelField, Set.of(),
                o -> new TextExample(JsonFields.string(o, textField), label(o, labelField)));
    }

    public static JsonLinesReader<TextPairExample> pairs(String textAField, String textBField, String labelField) {
        return new JsonLinesReader<>(labelField, Set.of(), o -> new TextPairExample(JsonFields.string(o, textAField),
                JsonFields.string(o, textBField), label(o, labelField)));
    }

    public static JsonLinesReader<ScoredText> scoredTexts(String textField, String scoreField) {
        return new JsonLinesReader<>(scoreField, Set.of(),
                o -> new ScoredText(JsonFields.string(o, textField), JsonFields.number(o, scoreField)));
    }

    public static JsonLinesReader<ScoredTextPair> scoredPairs(String textAField, String textBField, String scoreField) {
        return new JsonLinesReader<>(scoreField, Set.of(), o -> new ScoredTextPair(JsonFields.string(o, textAField),
                JsonFields.string(o, textBField), JsonFields.number(o, scoreField)));
    }

    /** Multi-label: {@code labelsField} is an array of labels (strings or numbers); empty means none applies. */
    public static JsonLinesReader<MultiLabelExample> multiLabel(String textField, String labelsField) {
        return new JsonLinesReader<>(labelsField, Set.of(),
                o -> new MultiLabelExample(JsonFields.string(o, textField), labels(o, labelsField)));
    }

    /** A reader that counts lines whose label is {@code placeholder} as skipped ("no gold label") instead of reading them. */
    public JsonLinesReader<T> skippingLabel(String placeholder) {
        Set<String> labels = new LinkedHashSet<>(noGoldLabels);
        labels.add(placeholder);
        return new JsonLinesReader<>(labelField, labels, mapper);
    }

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<T> sink) throws IOException {
        try (LineSource lines = new LineSource(file)) {
            for (String line; (line = lines.next()) != null; ) {
                long number = lines.lineNumber();
                if (line.isBlank()) {
                    report.skip("blank line");
                    continue;
                }
                T example;
                try {
                    JsonObject object = JsonFields.parseObject(line, number);
                    JsonElement label = object.get(labelField);
                    if (label != null && label.isJsonPrimitive() && noGoldLabels.contains(label.getAsString())) {
                        report.skip("no gold label \"" + label.getAsString() + "\"");
                        continue;
                    }
                    example = mapper.map(object);
                } catch (BadRecord e) {
                    report.reject(e.lineOr(number), e.getMessage());
                    continue;
                }
                sink.accept(example, number);
            }
        }
    }

    private static String label(JsonObject object, String field) throws BadRecord {
        try {
            return FieldValues.label(JsonFields.scalar(object, field));
        } catch (BadRecord e) {
            throw new BadRecord(e.getMessage().startsWith("bad label") ? e.getMessage() : "bad label: " + e.getMessage());
        }
    }

    private static Set<String> labels(JsonObject object, String field) throws BadRecord {
        JsonElement value = JsonFields.required(object, field);
        if (!value.isJsonArray()) throw new BadRecord("bad label: field \"" + field + "\" is not an array but " + JsonFields.kind(value));
        Set<String> labels = new LinkedHashSet<>();
        JsonArray array = value.getAsJsonArray();
        for (JsonElement element : array) {
            if (!element.isJsonPrimitive() || element.getAsJsonPrimitive().isBoolean()) {
                throw new BadRecord("bad label: " + JsonFields.kind(element) + " in \"" + field + "\"");
            }
            labels.add(FieldValues.label(element.getAsString()));
        }
        return labels;
    }
}
