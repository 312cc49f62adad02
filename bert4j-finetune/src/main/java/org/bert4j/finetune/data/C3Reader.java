package org.bert4j.finetune.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Multiple-choice questions in the C3 layout: an array of documents, each {@code [[paragraphs...], [{question,
 * choice: [...], answer}...], id]}, the answer being the text of one choice. Streamed one document at a time; each
 * question becomes one example with id {@code documentId#questionIndex} (from 0). A missing {@code answer} gives
 * {@link MultipleChoiceExample#NO_ANSWER} (data to predict); an answer that is not one of the choices is a
 * malformed record. When a choice text repeats (a few C3 questions list the same choice twice), the answer is the
 * first of them: they are the same text, so either is right.
 *
 * <p>The example's line is the line of the question object's opening brace.
 */
public final class C3Reader extends ExampleReader<MultipleChoiceExample> {

    private record Question(long line, JsonElement json) {}

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<MultipleChoiceExample> sink) throws IOException {
        try (JsonReader json = JsonFiles.open(file)) {
            try {
                if (json.peek() != JsonToken.BEGIN_ARRAY) {
                    throw report.fatal(JsonFiles.line(json), "not a C3 file: expected an array of [paragraphs, questions, id], found " + json.peek());
                }
                json.beginArray();
                while (json.hasNext()) readDocument(json, report, sink);
                json.endArray();
                if (json.peek() != JsonToken.END_DOCUMENT) throw report.fatal(JsonFiles.line(json), "bad JSON: text after the document");
            } catch (MalformedJsonException | EOFException | JsonParseException | IllegalStateException e) {
                throw report.fatal(Math.max(1, JsonFiles.line(json)), "bad JSON: " + JsonFields.briefly(e.getMessage()));
            }
        }
    }

    private void readDocument(JsonReader json, ReadReport report, ExampleSink<MultipleChoiceExample> sink) throws IOException {
        long line = line(json);
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            report.reject(line, "a document is " + json.peek() + ", not an array [paragraphs, questions, id]");
            json.skipValue();
            return;
        }
        json.beginArray();
        int elements = 0;
        JsonElement paragraphs = null;
        List<Question> questions = null;
        JsonElement id = null;
        if (json.hasNext()) {
            elements++;
            paragraphs = JsonParser.parseReader(json);
        }
        if (json.hasNext()) {
            elements++;
            questions = readQuestions(json);
        }
        if (json.hasNext()) {
            elements++;
            id = JsonParser.parseReader(json);
        }
        while (json.hasNext()) {
            json.skipValue();
            elements++;
        }
        json.endArray();
        List<String> context;
        String documentId;
        try {
            if (elements != 3) throw new BadRecord("a document is [paragraphs, questions, id] but this one has " + elements + " elements");
            context = strings(paragraphs, "the paragraphs");
            if (!id.isJsonPrimitive() || id.getAsJsonPrimitive().isBoolean()) throw new BadRecord("the document id is " + JsonFields.kind(id));
            documentId = id.getAsString();
            if (questions == null) throw new BadRecord("the second element, the questions, is not an array");
        } catch (BadRecord e) {
            report.reject(line, e.getMessage());
            return;
        }
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            MultipleChoiceExample example;
            try {
                example = toExample(documentId + "#" + i, context, question.json());
            } catch (BadRecord e) {
                report.reject(question.line(), "document " + documentId + ", question " + i + ": " + e.getMessage());
                continue;
            }
            sink.accept(example, question.line());
        }
    }

    /** The questions with their lines; null when the element is not an array (then consumed). */
    private static List<Question> readQuestions(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            json.skipValue();
            return null;
        }
        List<Question> questions = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) questions.add(new Question(line(json), JsonParser.parseReader(json)));
        json.endArray();
        return questions;
    }

    private static MultipleChoiceExample toExample(String id, List<String> context, JsonElement element) throws BadRecord {
        if (!element.isJsonObject()) throw new BadRecord("a question is " + JsonFields.kind(element) + ", not an object");
        JsonObject question = element.getAsJsonObject();
        String text = JsonFields.string(question, "question");
        List<String> choices = choices(JsonFields.required(question, "choice"), "\"choice\"");
        int answer = MultipleChoiceExample.NO_ANSWER;
        if (question.has("answer") && !question.get("answer").isJsonNull()) {
            String answerText = JsonFields.string(question, "answer");
            answer = choices.indexOf(answerText);
            if (answer < 0) throw new BadRecord("bad label: answer \"" + answerText + "\" is not one of the choices " + choices);
        }
        return new MultipleChoiceExample(id, context, text, choices, answer);
    }

    /** The options of a question: at least two strings. */
    static List<String> choices(JsonElement element, String what) throws BadRecord {
        List<String> choices = strings(element, what);
        if (choices.size() < 2) throw new BadRecord("a question needs at least 2 choices, this one has " + choices.size());
        return choices;
    }

    static List<String> strings(JsonElement element, String what) throws BadRecord {
        if (element == null || !element.isJsonArray()) throw new BadRecord(what + " are " + JsonFields.kind(element) + ", not an array of strings");
        JsonArray array = element.getAsJsonArray();
        List<String> strings = new ArrayList<>(array.size());
        for (JsonElement item : array) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw new BadRecord(what + " hold " + JsonFields.kind(item) + ", not only strings");
            }
            strings.add(item.getAsString());
        }
        return strings;
    }

    private static long line(JsonReader json) throws IOException {
        json.peek();
        return JsonFiles.line(json);
    }
}
