package org.bert4j.finetune.data;

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
 * Extractive QA in the SQuAD layout (CMRC 2018, DRCD): {@code data → [{title?, paragraphs → [{context, qas →
 * [{id, question, answers → [{text, answer_start}]}]}]}]}, streamed one article at a time. Each answer is looked
 * up in its context at {@code answer_start}, read as a UTF-16 index and, failing that, as a code-point index
 * (files differ in what they count). An answer not found there is a warning, not an error: it is kept with
 * {@link QaAnswer#UNALIGNED} because evaluation compares texts and still needs it, while
 * {@link QaExample#trainingAnswers()} leaves it out because a training target needs its position. A missing
 * {@code answers} gives a question without answers (data to predict).
 *
 * <p>The example's line is the line of the question object's opening brace. Broken JSON syntax ends the read
 * whatever the policy, since nothing after it can be trusted.
 */
public final class SquadReader extends ExampleReader<QaExample> {

    /** What an article holds, in file order: questions to deliver and faults to report once its title is known. */
    private sealed interface Pending permits Question, Rejection {}

    /** A question with its paragraph's context (null until the paragraph's end, where the context is known). */
    private record Question(long line, JsonElement json, String context) implements Pending {}

    private record Rejection(long line, String reason) implements Pending {}

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<QaExample> sink) throws IOException {
        try (JsonReader json = JsonFiles.open(file)) {
            try {
                readDocument(json, report, sink);
            } catch (MalformedJsonException | EOFException | JsonParseException | IllegalStateException e) {
                throw report.fatal(Math.max(1, JsonFiles.line(json)), "bad JSON: " + JsonFields.briefly(e.getMessage()));
            }
        }
    }

    private void readDocument(JsonReader json, ReadReport report, ExampleSink<QaExample> sink) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            throw report.fatal(JsonFiles.line(json), "not a SQuAD file: expected an object with a \"data\" array, found " + json.peek());
        }
        json.beginObject();
        boolean sawData = false;
        while (json.hasNext()) {
            if (!json.nextName().equals("data")) {
                json.skipValue();
                continue;
            }
            if (json.peek() != JsonToken.BEGIN_ARRAY) throw report.fatal(JsonFiles.line(json), "\"data\" is not an array");
            sawData = true;
            json.beginArray();
            while (json.hasNext()) readArticle(json, report, sink);
            json.endArray();
        }
        json.endObject();
        if (json.peek() != JsonToken.END_DOCUMENT) throw report.fatal(JsonFiles.line(json), "bad JSON: text after the document");
        if (!sawData) throw report.fatal(1, "not a SQuAD file: no \"data\" array");
    }

    /** Gathers an article (its title may come after its paragraphs), then reports and delivers in file order. */
    private void readArticle(JsonReader json, ReadReport report, ExampleSink<QaExample> sink) throws IOException {
        long line = line(json);
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            report.reject(line, "an article is " + json.peek() + ", not an object");
            json.skipValue();
            return;
        }
        json.beginObject();
        String title = null;
        List<Pending> pending = new ArrayList<>();
        while (json.hasNext()) {
            String name = json.nextName();
            if (name.equals("title") && json.peek() == JsonToken.STRING) title = json.nextString();
            else if (name.equals("paragraphs")) readParagraphs(json, pending);
            else json.skipValue();
        }
        json.endObject();
        for (Pending item : pending) {
            if (item instanceof Rejection rejection) report.reject(rejection.line(), rejection.reason());
            else deliver(title, (Question) item, report, sink);
        }
    }

    private void readParagraphs(JsonReader json, List<Pending> pending) throws IOException {
        if (!enterArray(json, pending, "\"paragraphs\"")) return;
        while (json.hasNext()) {
            long line = line(json);
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                pending.add(new Rejection(line, "a paragraph is " + json.peek() + ", not an object"));
                json.skipValue();
                continue;
            }
            json.beginObject();
            String context = null;
            List<Pending> inside = new ArrayList<>();
            while (json.hasNext()) {
                String name = json.nextName();
                if (name.equals("context") && json.peek() == JsonToken.STRING) context = json.nextString();
                else if (name.equals("qas")) readQuestions(json, inside);
                else json.skipValue();
            }
            json.endObject();
            if (context == null) {
                long questions = inside.stream().filter(Question.class::isInstance).count();
                pending.add(new Rejection(line, "a paragraph without a \"context\" string (its " + questions
                        + " questions are left out)"));
            }
            for (Pending item : inside) {
                if (item instanceof Question q) {
                    if (context != null) pending.add(new Question(q.line(), q.json(), context));
                } else {
                    pending.add(item);
                }
            }
        }
        json.endArray();
    }

    private void readQuestions(JsonReader json, List<Pending> pending) throws IOException {
        if (!enterArray(json, pending, "\"qas\"")) return;
        while (json.hasNext()) {
            long line = line(json);
            pending.add(new Question(line, JsonParser.parseReader(json), null));
        }
        json.endArray();
    }

    /** Begins the array that comes next, or notes a fault and skips what is there instead. */
    private static boolean enterArray(JsonReader json, List<Pending> pending, String what) throws IOException {
        if (json.peek() == JsonToken.BEGIN_ARRAY) {
            json.beginArray();
            return true;
        }
        pending.add(new Rejection(JsonFiles.line(json), what + " is " + json.peek() + ", not an array"));
        json.skipValue();
        return false;
    }

    private static long line(JsonReader json) throws IOException {
        json.peek();
        return JsonFiles.line(json);
    }

    private static void deliver(String title, Question question, ReadReport report, ExampleSink<QaExample> sink) {
        List<String> warnings = new ArrayList<>();
        QaExample example;
        try {
            example = toExample(title, question.context(), question.json(), warnings);
        } catch (BadRecord e) {
            report.reject(question.line(), e.getMessage());
            return;
        }
        for (String warning : warnings) report.warn(question.line(), warning);
        sink.accept(example, question.line());
    }

    private static QaExample toExample(String title, String context, JsonElement element, List<String> warnings)
            throws BadRecord {
        if (!element.isJsonObject()) throw new BadRecord("a question is " + JsonFields.kind(element) + ", not an object");
        JsonObject question = element.getAsJsonObject();
        String id = JsonFields.scalar(question, "id");
        try {
            String text = JsonFields.string(question, "question");
            return new QaExample(id, title, context, text, answers(id, context, question.get("answers"), warnings));
        } catch (BadRecord e) {
            throw new BadRecord("question " + id + ": " + e.getMessage());
        }
    }

    private static List<QaAnswer> answers(String id, String context, JsonElement json, List<String> warnings)
            throws BadRecord {
        List<QaAnswer> answers = new ArrayList<>();
        if (json == null || json.isJsonNull()) return answers;
        if (!json.isJsonArray()) throw new BadRecord("\"answers\" is " + JsonFields.kind(json) + ", not an array");
        for (JsonElement element : json.getAsJsonArray()) {
            if (!element.isJsonObject()) throw new BadRecord("an answer is " + JsonFields.kind(element) + ", not an object");
            JsonObject answer = element.getAsJsonObject();
            String text = JsonFields.string(answer, "text");
            if (text.isEmpty()) throw new BadRecord("an answer text is empty");
            int start = JsonFields.integer(JsonFields.required(answer, "answer_start"), "answer_start");
            int at = CharOffsets.locate(context, start, text);
            if (at < 0) {
                warnings.add("question " + id + ": answer \"" + text + "\" is not at answer_start " + start
                        + " (the context holds " + CharOffsets.excerpt(context, start, text.length())
                        + " there): kept for scoring, not for training");
            }
            answers.add(new QaAnswer(text, at < 0 ? QaAnswer.UNALIGNED : at));
        }
        return answers;
    }
}
