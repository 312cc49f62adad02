package org.bert4j.finetune.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.finetune.head.LinearChainCrf;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.finetune.head.SequenceHeads;
import org.bert4j.finetune.head.TokenClassifierHead;
import org.bert4j.finetune.head.ViterbiDecoder;
import org.bert4j.finetune.metrics.EntityScores;
import org.bert4j.finetune.metrics.EntityTagDecoder;
import org.bert4j.finetune.metrics.MetricResult;
import org.bert4j.finetune.metrics.TagScheme;

/**
 * Sequence tagging (NER): one tag per word of a {@link TaggedSequence} (a CoNLL word, a Chinese character), scored
 * on each word's first sub-token ({@link WordPieces}), either by a softmax per token (cross-entropy averaged over the
 * batch's words) or by a linear-chain CRF over the words' scores (path likelihood averaged over sentences, Viterbi
 * decoding). The metrics are seqeval's: entity-level precision, recall and F1 (headline {@code f1}) with the
 * {@link TagScheme} detected from the tag set, plus per-word accuracy.
 *
 * <p>Long sentences are truncated to the maximum length, not split: the words past it are predicted "O" (so they
 * count against recall, as they would for a user of the model) and {@link #truncatedExamples()} counts the
 * sentences this happened to, for the run's log.
 *
 * <p>The CRF's transitions are parameters of the model, and both the loss and the decoding need them, so the task
 * keeps the head it built with {@link #newHead}: one task instance serves one model.
 */
public final class TokenClassification implements Task<TaggedSequence, TokenTarget, TagPrediction> {

    private final LabelSet tags;
    private final boolean crf;
    private final TagScheme scheme;
    private final AtomicInteger truncated = new AtomicInteger();
    private TokenClassifierHead head;

    /** @param tags the tag set, "O" at id 0 ({@link org.bert4j.finetune.data.TagSet}) */
    public TokenClassification(LabelSet tags, boolean crf) {
        if (!tags.contains("O") || tags.id("O") != 0) throw new IllegalArgumentException("the tag set must have O at id 0: " + tags);
        this.tags = tags;
        this.crf = crf;
        this.scheme = TagScheme.detect(tags.labels());
    }

    /** The task a saved token classifier's config.json describes: its {@code id2label} and {@code "crf"}. */
    public static TokenClassification fromConfig(HfConfig config) {
        if (!config.has("id2label")) throw config.invalid("id2label", "is missing: not a fine-tuned token classifier");
        LabelSet labels;
        try {
            labels = LabelSet.fromJson(config.json());
        } catch (IllegalArgumentException e) {
            throw config.invalid("id2label", e.getMessage());
        }
        return new TokenClassification(labels, config.optBoolean(TokenClassifierHead.CRF_KEY, false));
    }

    @Override
    public TaskKind kind() { return crf ? TaskKind.TOKEN_CLASSIFICATION_CRF : TaskKind.TOKEN_CLASSIFICATION; }

    public LabelSet tags() { return tags; }

    public TagScheme scheme() { return scheme; }

    /** Sentences so far whose words did not all fit the maximum length (their tail is predicted "O"). */
    public int truncatedExamples() { return truncated.get(); }

    @Override
    public List<Feature<TokenTarget>> features(TaggedSequence example, int index, InputEncoder encoder) {
        WordPieces pieces = encoder.encodeWords(example.tokens());
        if (pieces.truncated()) truncated.incrementAndGet();
        int[] gold = new int[example.size()];
        for (int w = 0; w < gold.length; w++) {
            String tag = example.tags().get(w);
            if (!tags.contains(tag)) {
                throw new IllegalArgumentException("sentence " + (index + 1) + ", word " + (w + 1) + " '" + example.tokens().get(w)
                        + "': tag '" + tag + "' is not one of the model's " + tags.labels());
            }
            gold[w] = tags.id(tag);
        }
        return List.of(Feature.single(index, pieces.row(), new TokenTarget(pieces, gold)));
    }

    @Override
    public TaskHeadModule newHead(Family family, HfConfig config, EncoderSpec spec, double dropout) {
        SequenceClassifierSpec s = SequenceHeads.withDropout(family.sequenceClassifier(config), dropout);
        head = new TokenClassifierHead(s, spec.hiddenSize(), tags.size(), crf);
        return head;
    }

    @Override
    public JsonObject config() {
        JsonObject o = Task.labelConfig(tags, tags.size(), kind());
        o.addProperty(TokenClassifierHead.CRF_KEY, crf);
        return o;
    }

    @Override
    public NDArray loss(NDArray emissions, List<Feature<TokenTarget>> batch) {
        return crf ? crfLoss(emissions, batch) : softmaxLoss(emissions, batch);
    }

    /** Mean −log p(gold tag) over the batch's words, each read at its first sub-token. */
    private NDArray softmaxLoss(NDArray emissions, List<Feature<TokenTarget>> batch) {
        Shape shape = emissions.getShape(); // (B, T, K)
        int length = Math.toIntExact(shape.get(1));
        int k = tags.size();
        float[] pick = new float[batch.size() * length * k];
        int words = 0;
        for (int b = 0; b < batch.size(); b++) {
            TokenTarget t = batch.get(b).target();
            int[] first = t.pieces().firstPiece();
            for (int w = 0; w < first.length; w++) {
                if (first[w] < 0) continue;
                pick[(b * length + first[w]) * k + t.tags()[w]] = 1;
                words++;
            }
        }
        NDArray weights = emissions.getManager().create(pick, shape).toType(emissions.getDataType(), false);
        return emissions.logSoftmax(2).mul(weights).sum().div(Math.max(words, 1)).neg();
    }

    /**
     * Mean CRF negative log-likelihood over sentences, on the words' scores gathered from their first sub-tokens into
     * left-aligned (B, W, K) rows. A sentence none of whose words has a position (all removed by the normaliser)
     * still needs one step for the CRF: it gets the first token's scores tagged O, which teaches nothing wrong.
     */
    private NDArray crfLoss(NDArray emissions, List<Feature<TokenTarget>> batch) {
        int k = tags.size();
        int maxWords = 1;
        for (Feature<TokenTarget> f : batch) maxWords = Math.max(maxWords, f.target().pieces().placedWords());
        long[] index = new long[batch.size() * maxWords * k];
        long[] gold = new long[batch.size() * maxWords];
        long[] mask = new long[batch.size() * maxWords];
        for (int b = 0; b < batch.size(); b++) {
            TokenTarget t = batch.get(b).target();
            int[] first = t.pieces().firstPiece();
            int n = 0;
            for (int w = 0; w < first.length; w++) {
                if (first[w] < 0) continue;
                int at = b * maxWords + n++;
                gold[at] = t.tags()[w];
                mask[at] = 1;
                for (int c = 0; c < k; c++) index[at * k + c] = first[w];
            }
            if (n == 0) mask[b * maxWords] = 1;
        }
        NDManager m = emissions.getManager();
        NDArray wordScores = emissions.gather(m.create(index, new Shape(batch.size(), maxWords, k)), 1);
        NDArray goldTags = m.create(gold, new Shape(batch.size(), maxWords));
        NDArray steps = m.create(mask, new Shape(batch.size(), maxWords));
        return head().crf().negativeLogLikelihood(wordScores, goldTags, steps);
    }

    @Override
    public TagPrediction predict(TaggedSequence example, List<Feature<TokenTarget>> features, List<float[]> outputs) {
        int[] first = features.get(0).target().pieces().firstPiece();
        float[] scores = outputs.get(0);
        int k = tags.size();
        List<Integer> placed = new ArrayList<>();
        for (int w = 0; w < first.length; w++) if (first[w] >= 0) placed.add(w);
        double[] wordScores = new double[placed.size() * k];
        for (int i = 0; i < placed.size(); i++) {
            for (int c = 0; c < k; c++) wordScores[i * k + c] = scores[first[placed.get(i)] * k + c];
        }
        int[] path = crf ? viterbi(wordScores, placed.size()) : argmax(wordScores, placed.size(), k);
        List<String> predicted = new ArrayList<>(first.length);
        for (int w = 0; w < first.length; w++) predicted.add("O");
        for (int i = 0; i < placed.size(); i++) predicted.set(placed.get(i), tags.label(path[i]));
        return new TagPrediction(predicted, EntityTagDecoder.decode(predicted, scheme));
    }

    private int[] viterbi(double[] wordScores, int words) {
        if (words == 0) return new int[0];
        ViterbiDecoder decoder = head().crf().viterbi();
        return decoder.decode(wordScores, 0, words);
    }

    private static int[] argmax(double[] scores, int words, int k) {
        int[] best = new int[words];
        for (int i = 0; i < words; i++) {
            for (int c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + best[i]]) best[i] = c;
        }
        return best;
    }

    @Override
    public MetricResult score(List<TaggedSequence> examples, List<TagPrediction> predictions) {
        List<List<String>> gold = examples.stream().map(TaggedSequence::tags).toList();
        List<List<String>> predicted = predictions.stream().map(TagPrediction::tags).toList();
        MetricResult entities = EntityScores.fromTags(gold, predicted, scheme).toResult();
        long right = 0;
        long all = 0;
        for (int s = 0; s < gold.size(); s++) {
            for (int w = 0; w < gold.get(s).size(); w++) {
                if (gold.get(s).get(w).equals(predicted.get(s).get(w))) right++;
                all++;
            }
        }
        return entities.with("token_accuracy", all == 0 ? Double.NaN : (double) right / all);
    }

    @Override
    public List<String> metricNames() {
        return List.of("f1", "precision", "recall", "macro_f1", "token_accuracy");
    }

    @Override
    public String report(List<TaggedSequence> examples, List<TagPrediction> predictions) {
        List<List<String>> gold = examples.stream().map(TaggedSequence::tags).toList();
        List<List<String>> predicted = predictions.stream().map(TagPrediction::tags).toList();
        return "entities (" + scheme + " tags):\n" + EntityScores.fromTags(gold, predicted, scheme).render();
    }

    /** The tags and the entities with their word positions; the caller adds the words and the entities' text. */
    @Override
    public JsonObject toJson(TagPrediction prediction) {
        JsonObject o = new JsonObject();
        JsonArray t = new JsonArray();
        prediction.tags().forEach(t::add);
        o.add("tags", t);
        JsonArray entities = new JsonArray();
        for (EntitySpan e : prediction.entities()) {
            JsonObject span = new JsonObject();
            span.addProperty("type", e.type());
            span.addProperty("start", e.start());
            span.addProperty("end", e.end());
            entities.add(span);
        }
        o.add("entities", entities);
        return o;
    }

    private TokenClassifierHead head() {
        if (head == null) throw new IllegalStateException("the task has no head yet: build the model with this task first");
        return head;
    }
}
