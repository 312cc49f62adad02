package org.bert4j.finetune.run;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.task.TagPrediction;
import org.bert4j.finetune.task.TokenClassification;
import org.bert4j.finetune.task.TokenTarget;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.TagSet;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.finetune.data.SpanAnnotatedText;
import org.bert4j.finetune.data.ChoiceQuestionJson;
import org.bert4j.finetune.data.MultipleChoiceExample;
import org.bert4j.finetune.task.ChoicePrediction;
import org.bert4j.finetune.task.MultipleChoice;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.SpanExtraction;
import org.bert4j.finetune.task.SpanPrediction;
import org.bert4j.finetune.task.SpanTarget;
import com.google.gson.JsonArray;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;

/**
 * Runs a fine-tuned model directory on raw inputs, one JSON object per input: the input, then the task's answer
 * (label, its probability and all probabilities; the labels above threshold and their scores; the predicted
 * value; a tagger's words, tags and entities; the chosen option; a QA model's answer). A model trained on pairs reads
 * each input as {@code text<TAB>pair}, a multiple-choice model a JSON object ({@link ChoiceQuestionJson}), a QA model a
 * JSON object with the question and its context.
 */
public final class SavedModelPrediction {

    private SavedModelPrediction() {}

    /**
     * @param inputs    one input per line (a TAB separates the two texts of a pair; QA: {@code {"question", "context"}} JSON)
     * @param maxLength tokens per input, 0 for the length the model was fine-tuned with
     */
    public static List<JsonObject> predict(Path modelDir, List<String> inputs, int maxLength, int batchSize) {
        try (TaskModels.Loaded loaded = TaskModels.load(modelDir)) {
            if (loaded.task() instanceof TokenClassification tagger) return tag(loaded.model(), tagger, inputs, maxLength, batchSize);
            if (loaded.task() instanceof SpanExtraction spans) return spans(loaded.model(), spans, inputs, maxLength, batchSize);
            if (loaded.task() instanceof MultipleChoice choice) return choose(loaded.model(), choice, inputs, maxLength, batchSize);
            if (loaded.task() instanceof ExtractiveQa qa) return QuestionAnswers.answer(loaded.model(), qa, inputs, maxLength, batchSize);
            return predict(loaded.model(), (SequenceTask<?, ?, ?>) loaded.task(), inputs, maxLength, batchSize);
        }
    }

    /**
     * A tagger's answer per line: the words ({@link InputWords}: whitespace-separated, each Han character alone), a
     * tag each, and the entities with word positions (end exclusive) and the line's text they cover.
     */
    private static List<JsonObject> tag(TaskModel model, TokenClassification task, List<String> inputs, int maxLength, int batchSize) {
        List<InputWords> lines = inputs.stream().map(InputWords::of).toList();
        // No gold: every word is given "O" so the sentence is well-formed; no loss is taken on it.
        List<TaggedSequence> examples = lines.stream()
                .map(l -> new TaggedSequence(l.words(), java.util.Collections.nCopies(l.words().size(), TagSet.OUTSIDE))).toList();
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<TaggedSequence, TokenTarget> features = FeatureSet.of(task, examples, encoder);
            Evaluator.Result<TagPrediction> r = Evaluator.run(model, task, features, batchSize, false);
            List<JsonObject> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < examples.size(); i++) {
                InputWords words = lines.get(i);
                TagPrediction p = r.predictions().get(i);
                JsonObject o = new JsonObject();
                o.addProperty("text", words.line());
                JsonArray tokens = new JsonArray();
                words.words().forEach(tokens::add);
                o.add("tokens", tokens);
                JsonObject answer = task.toJson(p);
                o.add("tags", answer.get("tags"));
                JsonArray entities = answer.getAsJsonArray("entities");
                for (int e = 0; e < entities.size(); e++) {
                    EntitySpan span = p.entities().get(e);
                    entities.get(e).getAsJsonObject().addProperty("text", words.text(span.start(), span.end()));
                }
                o.add("entities", entities);
                out.add(o);
            }
            return out;
        }
    }

    private static <G, T, P> List<JsonObject> predict(TaskModel model, SequenceTask<G, T, P> task, List<String> inputs,
                                                      int maxLength, int batchSize) {
        List<SequenceExample<G>> examples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) examples.add(SequenceExample.unlabelled(parse(inputs.get(i), i + 1, task.pairInput())));
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<SequenceExample<G>, T> features = FeatureSet.of(task, examples, encoder);
            Evaluator.Result<P> r = Evaluator.run(model, task, features, batchSize, false);
            List<JsonObject> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < examples.size(); i++) {
                JsonObject o = new JsonObject();
                SequenceInput in = examples.get(i).input();
                o.addProperty("text", in.text());
                if (in.isPair()) o.addProperty("text_pair", in.pair());
                task.toJson(r.predictions().get(i)).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
                out.add(o);
            }
            return out;
        }
    }

    /** A span model's answer per line: the text and its entities (type, start, end exclusive, text). */
    private static List<JsonObject> spans(TaskModel model, SpanExtraction task, List<String> inputs, int maxLength, int batchSize) {
        List<SpanAnnotatedText> examples = inputs.stream().map(t -> new SpanAnnotatedText(t, List.of())).toList();
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<SpanAnnotatedText, SpanTarget> features = FeatureSet.of(task, examples, encoder);
            Evaluator.Result<SpanPrediction> r = Evaluator.run(model, task, features, batchSize, false);
            List<JsonObject> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < examples.size(); i++) {
                JsonObject o = new JsonObject();
                o.addProperty("text", inputs.get(i));
                task.toJson(r.predictions().get(i)).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
                out.add(o);
            }
            return out;
        }
    }

    /**
     * A multiple-choice model's answer per line: the line's question as given (context, question, choices), then the
     * chosen option's index and text and every option's probability.
     */
    private static List<JsonObject> choose(TaskModel model, MultipleChoice task, List<String> inputs, int maxLength, int batchSize) {
        List<MultipleChoiceExample> examples = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) examples.add(ChoiceQuestionJson.parse(inputs.get(i), "input " + (i + 1)));
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            FeatureSet<MultipleChoiceExample, Integer> features = FeatureSet.of(task, examples, encoder);
            Evaluator.Result<ChoicePrediction> r = Evaluator.run(model, task, features, batchSize, false);
            List<JsonObject> out = new ArrayList<>(inputs.size());
            for (int i = 0; i < examples.size(); i++) {
                MultipleChoiceExample q = examples.get(i);
                JsonObject o = new JsonObject();
                JsonArray context = new JsonArray();
                q.context().forEach(context::add);
                o.add("context", context);
                o.addProperty("question", q.question());
                JsonArray choices = new JsonArray();
                q.choices().forEach(choices::add);
                o.add("choices", choices);
                task.toJson(r.predictions().get(i)).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
                out.add(o);
            }
            return out;
        }
    }

    static SequenceInput parse(String line, int number, boolean pair) {
        if (!pair) return SequenceInput.of(line);
        int tab = line.indexOf('\t');
        if (tab < 0) throw new IllegalArgumentException("input " + number + ": the model reads text pairs: give 'text<TAB>pair'");
        return SequenceInput.of(line.substring(0, tab), line.substring(tab + 1));
    }
}
