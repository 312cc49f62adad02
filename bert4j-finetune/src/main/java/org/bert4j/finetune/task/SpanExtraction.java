package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.data.SpanAnnotatedText;
import org.bert4j.finetune.head.GlobalPointer;
import org.bert4j.finetune.head.GlobalPointerHead;
import org.bert4j.finetune.head.Span;
import org.bert4j.finetune.head.SpanTargets;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.metrics.EntityScores;
import org.bert4j.finetune.metrics.MetricResult;

/**
 * Span extraction (CLUENER-style NER, nested entities allowed) with a GlobalPointer: every (start, end) token pair
 * of every entity type gets a score, a span is predicted where it is above 0, trained with ZLPR. The text is read
 * character by character (whitespace dropped), each character a word of {@link InputEncoder#encodeWords}, which is
 * how Chinese BERT vocabularies see it anyway and keeps spans on character boundaries. Metrics: entity-level
 * precision, recall and F1 on exact (type, start, end) matches, headline {@code f1}.
 */
public final class SpanExtraction implements Task<SpanAnnotatedText, SpanTarget, SpanPrediction> {

    private final LabelSet types;
    private final int headSize;

    /** @param types the entity types, in {@link LabelSet} order (type id = GlobalPointer channel) */
    public SpanExtraction(LabelSet types, int headSize) {
        this.types = types;
        this.headSize = headSize;
    }

    /** The task a saved span model's config.json describes: {@code id2label} and the head size. */
    public static SpanExtraction fromConfig(HfConfig config) {
        if (!config.has("id2label")) throw config.invalid("id2label", "is missing: not a fine-tuned span model");
        try {
            return new SpanExtraction(LabelSet.fromJson(config.json()), config.optInt(GlobalPointerHead.HEAD_SIZE_KEY, GlobalPointer.DEFAULT_HEAD_SIZE));
        } catch (IllegalArgumentException e) {
            throw config.invalid("id2label", e.getMessage());
        }
    }

    @Override
    public TaskKind kind() { return TaskKind.SPANS; }

    public LabelSet types() { return types; }

    @Override
    public List<Feature<SpanTarget>> features(SpanAnnotatedText example, int index, InputEncoder encoder) {
        String text = example.text();
        List<String> words = new ArrayList<>();
        List<Integer> begins = new ArrayList<>();
        int[] wordAt = new int[text.length() + 1];
        java.util.Arrays.fill(wordAt, -1);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!Character.isWhitespace(cp)) {
                for (int c = i; c < next; c++) wordAt[c] = words.size();
                words.add(text.substring(i, next));
                begins.add(i);
            }
            i = next;
        }
        int[] wordBegin = begins.stream().mapToInt(Integer::intValue).toArray();
        int[] wordEnd = new int[wordBegin.length];
        for (int w = 0; w < wordBegin.length; w++) wordEnd[w] = wordBegin[w] + words.get(w).length();
        WordPieces pieces = encoder.encodeWords(words);
        List<Span> gold = new ArrayList<>();
        for (EntitySpan e : example.spans()) {
            if (!types.contains(e.type())) {
                throw new IllegalArgumentException("text " + (index + 1) + ": entity type '" + e.type() + "' is not one of the model's "
                        + types.labels());
            }
            int first = wordAt[e.start()];
            int last = wordAt[e.end() - 1];
            if (first < 0 || last < 0) continue; // a span starting or ending on whitespace cannot be predicted either
            int start = pieces.firstPiece()[first];
            int end = pieces.firstPiece()[last];
            if (start >= 0 && end >= 0) gold.add(new Span(types.id(e.type()), start, end));
        }
        return List.of(Feature.single(index, pieces.row(), new SpanTarget(pieces, wordBegin, wordEnd, gold)));
    }

    @Override
    public TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout) {
        return new GlobalPointerHead(family.sequenceClassifier(config), spec.hiddenSize(), types.size(), headSize);
    }

    @Override
    public JsonObject config() {
        JsonObject o = Task.labelConfig(types, types.size(), kind());
        o.addProperty(GlobalPointerHead.HEAD_SIZE_KEY, headSize);
        return o;
    }

    /** ZLPR over each (text, type)'s T·T span scores, averaged. */
    @Override
    public NDArray loss(NDArray scores, List<Feature<SpanTarget>> batch) {
        int length = Math.toIntExact(scores.getShape().get(2));
        List<List<Span>> gold = batch.stream().map(f -> f.target().gold()).toList();
        return GlobalPointer.loss(scores, SpanTargets.of(scores.getManager(), gold, types.size(), length));
    }

    @Override
    public SpanPrediction predict(SpanAnnotatedText example, List<Feature<SpanTarget>> features, List<float[]> outputs) {
        SpanTarget t = features.get(0).target();
        float[] scores = outputs.get(0);
        int length = (int) Math.round(Math.sqrt(scores.length / (double) types.size()));
        int[] wordOfToken = new int[length];
        java.util.Arrays.fill(wordOfToken, -1);
        int[] first = t.pieces().firstPiece();
        for (int w = 0; w < first.length; w++) if (first[w] >= 0 && first[w] < length) wordOfToken[first[w]] = w;
        List<EntitySpan> entities = new ArrayList<>();
        for (int type = 0; type < types.size(); type++) {
            for (int i = 0; i < length; i++) {
                if (wordOfToken[i] < 0) continue;
                for (int j = i; j < length; j++) {
                    if (wordOfToken[j] < 0 || scores[(type * length + i) * length + j] <= 0) continue;
                    entities.add(new EntitySpan(types.label(type), t.wordBegin()[wordOfToken[i]], t.wordEnd()[wordOfToken[j]]));
                }
            }
        }
        entities.sort(EntitySpan.BY_POSITION);
        return new SpanPrediction(example.text(), entities);
    }

    @Override
    public MetricResult score(List<SpanAnnotatedText> examples, List<SpanPrediction> predictions) {
        return scores(examples, predictions).toResult();
    }

    private static EntityScores scores(List<SpanAnnotatedText> examples, List<SpanPrediction> predictions) {
        return EntityScores.fromSpans(examples.stream().map(SpanAnnotatedText::spans).toList(),
                predictions.stream().map(SpanPrediction::entities).toList());
    }

    @Override
    public List<String> metricNames() {
        return List.of("f1", "precision", "recall", "macro_f1");
    }

    @Override
    public String report(List<SpanAnnotatedText> examples, List<SpanPrediction> predictions) {
        return "entities:\n" + scores(examples, predictions).render();
    }

    /** The entities with their type, text offsets (end exclusive) and text. */
    @Override
    public JsonObject toJson(SpanPrediction prediction) {
        JsonObject o = new JsonObject();
        JsonArray entities = new JsonArray();
        for (EntitySpan e : prediction.entities()) {
            JsonObject span = new JsonObject();
            span.addProperty("type", e.type());
            span.addProperty("start", e.start());
            span.addProperty("end", e.end());
            span.addProperty("text", e.in(prediction.text()));
            entities.add(span);
        }
        o.add("entities", entities);
        return o;
    }
}
