package org.bert4j.pretrained;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.bert4j.model.EncoderModel;
import org.bert4j.tokenization.TextTokenizer;

/**
 * Fill-mask inference: the top-k vocabulary entries for every {@code [MASK]} in a text, with their softmax
 * probabilities over the whole vocabulary. The encoder runs once on the text; the MLM head runs only on the
 * masked positions.
 */
public final class FillMask {

    public static final String MASK = "[MASK]";

    /** One candidate: the vocabulary piece (## continuations kept), its id and its probability. */
    public record Prediction(String token, long id, double probability) {}

    /** The candidates for one mask, best first; {@code position} is the mask's index in the token sequence. */
    public record Mask(int position, List<Prediction> predictions) {
        public Prediction top() { return predictions.get(0); }

        public List<String> tokens() { return predictions.stream().map(Prediction::token).toList(); }
    }

    private FillMask() {}

    /**
     * @param text a text with at least one {@code [MASK]}
     * @param topK how many candidates per mask (1 … vocabulary size)
     * @return one entry per mask, in text order
     */
    public static List<Mask> predict(LoadedModel loaded, TextTokenizer tokenizer, String text, int topK) {
        EncoderModel model = loaded.model();
        if (model.mlm() == null) {
            throw new IllegalArgumentException("model " + directory(loaded) + " has no MLM head (its checkpoint has no MLM "
                    + "weights, as in an embedding model): fill-mask needs one with them, e.g. BertForMaskedLM");
        }
        int vocab = model.spec().vocabSize();
        if (topK < 1 || topK > vocab) throw new IllegalArgumentException("topK must be in [1, " + vocab + "], got " + topK);
        long maskId = tokenizer.tokenId(MASK);
        if (maskId < 0) throw new IllegalArgumentException(tokenizer.file() + ": the tokenizer has no " + MASK + " token");

        Encoding enc = tokenizer.encode(text);
        long[] ids = enc.getIds();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) if (ids[i] == maskId) positions.add(i);
        int written = occurrences(text, MASK);
        if (positions.isEmpty()) {
            throw new IllegalArgumentException(written == 0
                    ? "the text has no " + MASK + " token to fill: \"" + text + "\""
                    : "every " + MASK + " in the text falls past the tokenizer's maximum length (" + ids.length + " tokens kept)");
        }
        if (positions.size() < written) {
            throw new IllegalArgumentException((written - positions.size()) + " of the text's " + written + " " + MASK
                    + " tokens fall past the tokenizer's maximum length (" + ids.length + " tokens kept)");
        }

        float[] logits;
        try (NDManager scope = NDManager.newBaseManager(model.manager().getDevice())) {
            NDArray inputIds = scope.create(new long[][] {ids});
            NDArray types = scope.create(new long[][] {enc.getTypeIds()});
            NDArray attention = scope.create(new long[][] {enc.getAttentionMask()});
            NDArray hidden = model.mlm().states(model.encoder(), model.encode(inputIds, types, attention, false)); // (1, T, d)
            NDList rows = new NDList();
            for (int p : positions) rows.add(hidden.get(0, p)); // (d)
            NDArray masked = NDArrays.stack(rows); // (M, d)
            logits = model.mlm().logits(masked).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray(); // (M, V)
        }

        List<Mask> out = new ArrayList<>(positions.size());
        for (int m = 0; m < positions.size(); m++) {
            out.add(new Mask(positions.get(m), top(logits, m * vocab, vocab, topK, tokenizer)));
        }
        return out;
    }

    /** Softmax over one row of logits (in double), then the k largest, ties by lower id. */
    private static List<Prediction> top(float[] logits, int offset, int vocab, int k, TextTokenizer tokenizer) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) max = Math.max(max, logits[offset + v]);
        double sum = 0;
        for (int v = 0; v < vocab; v++) sum += Math.exp(logits[offset + v] - max);
        double logZ = max + Math.log(sum);
        Comparator<Integer> worstFirst = Comparator.<Integer>comparingDouble(v -> logits[offset + v])
                .thenComparing(Comparator.<Integer>reverseOrder());
        PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, worstFirst);
        for (int v = 0; v < vocab; v++) {
            best.add(v);
            if (best.size() > k) best.poll();
        }
        List<Integer> ordered = new ArrayList<>(best);
        ordered.sort(worstFirst.reversed());
        List<Prediction> out = new ArrayList<>(k);
        for (int v : ordered) out.add(new Prediction(tokenizer.token(v), v, Math.exp(logits[offset + v] - logZ)));
        return out;
    }

    private static int occurrences(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) n++;
        return n;
    }

    /** The directory the model was loaded from (its report names the weights file), for error messages. */
    static String directory(LoadedModel loaded) {
        String source = loaded.report().source();
        try {
            Path p = Path.of(source);
            return Files.isRegularFile(p) && p.getParent() != null ? p.getParent().toString() : source;
        } catch (InvalidPathException e) {
            return source;
        }
    }
}
