package org.bert4j.finetune.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The classes of a task and their ids (the rows of the classifier's output layer). {@link #of} orders the labels
 * found in the training data in a fixed way, so that the same data always gives the same ids whatever order the
 * examples come in: when every label is an integer ({@code "0"}, {@code "1"}, {@code "10"}) by numeric value, so
 * that a file's own ids stay its ids; otherwise by {@link String#compareTo}. {@link #inOrder} takes an order as
 * given (a {@code class.txt}, a published id mapping).
 *
 * <p>Saved in the Hugging Face config form, {@code "id2label": {"0": "neg", ...}, "label2id": {"neg": 0, ...}},
 * so a model's {@code config.json} carries its label names and other tools read them.
 */
public final class LabelSet {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    /** Numeric when every label is an integer, else string order. */
    private static Comparator<String> orderFor(Collection<String> labels) {
        boolean numeric = labels.stream().allMatch(l -> INTEGER.matcher(l).matches());
        return numeric ? Comparator.comparing(BigInteger::new) : Comparator.naturalOrder();
    }

    private final List<String> labels;
    private final Map<String, Integer> ids;

    private LabelSet(List<String> labels) {
        if (labels.isEmpty()) throw new IllegalArgumentException("a label set needs at least one label");
        Map<String, Integer> ids = new HashMap<>();
        for (String label : labels) {
            Objects.requireNonNull(label, "a label is null");
            if (ids.putIfAbsent(label, ids.size()) != null) throw new IllegalArgumentException("label \"" + label + "\" is listed twice");
        }
        this.labels = List.copyOf(labels);
        this.ids = Map.copyOf(ids);
    }

    /** The distinct labels of {@code labels} (with repeats, as collected from examples) in the documented order. */
    public static LabelSet of(Collection<String> labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
        distinct.sort(orderFor(distinct));
        return new LabelSet(distinct);
    }

    /** Exactly these labels with ids 0, 1, ... in this order. */
    public static LabelSet inOrder(List<String> labels) {
        return new LabelSet(labels);
    }

    /** The labels of single-label training examples, e.g. {@code LabelSet.fromTraining(train, TextExample::label)}. */
    public static <T> LabelSet fromTraining(ReadResult<T> training, Function<? super T, String> labelOf) {
        return of(training.examples().stream().map(labelOf).toList());
    }

    public int size() { return labels.size(); }

    public List<String> labels() { return labels; }

    public boolean contains(String label) { return ids.containsKey(label); }

    public String label(int id) {
        if (id < 0 || id >= labels.size()) throw new IndexOutOfBoundsException("label id " + id + " of " + labels.size());
        return labels.get(id);
    }

    public int id(String label) {
        Integer id = ids.get(label);
        if (id == null) throw new IllegalArgumentException("unknown label \"" + label + "\" (known labels: " + labels + ")");
        return id;
    }

    /**
     * Checks that every example of {@code data} (dev or test data) has a label known here, else throws naming the
     * file, line and label: a label the training data lacked has no output row, so the model could never be right
     * on it, and the usual cause is a mismatched file or label spelling.
     */
    public <T> void requireKnown(ReadResult<T> data, Function<? super T, String> labelOf) {
        requireAllKnown(data, example -> List.of(labelOf.apply(example)));
    }

    /** As {@link #requireKnown}, for examples with several labels or tags each. */
    public <T> void requireAllKnown(ReadResult<T> data, Function<? super T, ? extends Collection<String>> labelsOf) {
        for (int i = 0; i < data.size(); i++) {
            for (String label : labelsOf.apply(data.examples().get(i))) {
                if (!contains(label)) {
                    throw new MalformedDataException(data.file(), data.lineOf(i), "label \"" + label
                            + "\" does not occur in the training data (known labels: " + labels + ")");
                }
            }
        }
    }

    /** {@code {"id2label": {"0": ...}, "label2id": {...: 0}}}, to merge into a model config or save on its own. */
    public JsonObject toJson() {
        JsonObject id2label = new JsonObject();
        JsonObject label2id = new JsonObject();
        for (int id = 0; id < labels.size(); id++) {
            id2label.addProperty(Integer.toString(id), labels.get(id));
            label2id.addProperty(labels.get(id), id);
        }
        JsonObject json = new JsonObject();
        json.add("id2label", id2label);
        json.add("label2id", label2id);
        return json;
    }

    /**
     * Reads {@code id2label} (required: its keys must be "0" to "n-1") and checks {@code label2id} against it when
     * present, so a hand-edited config whose two maps disagree fails here instead of mislabelling predictions.
     * Other keys are ignored, so a whole model {@code config.json} can be passed.
     */
    public static LabelSet fromJson(JsonObject json) {
        JsonElement id2label = json.get("id2label");
        if (id2label == null || !id2label.isJsonObject()) throw new IllegalArgumentException("no \"id2label\" object");
        int n = id2label.getAsJsonObject().size();
        String[] labels = new String[n];
        for (Map.Entry<String, JsonElement> entry : id2label.getAsJsonObject().entrySet()) {
            int id = parseId(entry.getKey());
            if (id < 0 || id >= n) throw new IllegalArgumentException("id2label: ids must be 0 to " + (n - 1) + ", found \"" + entry.getKey() + "\"");
            if (!entry.getValue().isJsonPrimitive()) throw new IllegalArgumentException("id2label: the label of id " + id + " is not a string");
            labels[id] = entry.getValue().getAsString();
        }
        LabelSet set = new LabelSet(List.of(labels)); // all n slots are filled: n distinct ids in [0, n)
        JsonElement label2id = json.get("label2id");
        if (label2id != null && !label2id.isJsonNull()) {
            if (!label2id.isJsonObject()) throw new IllegalArgumentException("\"label2id\" is not an object");
            Map<String, Integer> given = new HashMap<>();
            for (Map.Entry<String, JsonElement> entry : label2id.getAsJsonObject().entrySet()) {
                given.put(entry.getKey(), entry.getValue().getAsInt());
            }
            if (!given.equals(set.ids)) {
                throw new IllegalArgumentException("label2id " + given + " does not invert id2label " + set.labels);
            }
        }
        return set;
    }

    private static int parseId(String key) {
        if (!key.matches("0|[1-9]\\d{0,8}")) throw new IllegalArgumentException("id2label: key \"" + key + "\" is not an id");
        return Integer.parseInt(key);
    }

    public void write(Path file) {
        try {
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson()) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the labels", e);
        }
    }

    public static LabelSet read(Path file) {
        try {
            JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) throw new IllegalArgumentException("not a JSON object");
            return fromJson(json.getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the labels", e);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && labels.equals(other.labels);
    }

    @Override
    public int hashCode() { return labels.hashCode(); }

    @Override
    public String toString() { return "LabelSet" + labels; }

    /** Unmodifiable view for callers that want the map. */
    public Map<String, Integer> label2id() { return Collections.unmodifiableMap(ids); }
}
