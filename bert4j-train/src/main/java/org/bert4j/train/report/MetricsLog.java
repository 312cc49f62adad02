package org.bert4j.train.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bert4j.checkpoint.AtomicFiles;

/**
 * The run's metrics as JSON lines ({@code metrics.jsonl}), one object per log interval ({@code "kind": "train"}),
 * evaluation ({@code "kind": "eval"}) or reference the run is judged by ({@code "kind": "baseline"}, at step 0),
 * each with its {@code step}. Lines are flushed as written, so a crashed
 * run keeps what it logged; a resumed run first drops the lines past its checkpoint so every step appears once.
 */
public final class MetricsLog implements AutoCloseable {

    public static final String FILE = "metrics.jsonl";
    public static final String TRAIN = "train";
    public static final String EVAL = "eval";
    public static final String BASELINE = "baseline";

    // NaN and infinities are written as bare tokens (as Python's json does) rather than failing the run.
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    private final Path file;
    private final BufferedWriter out;
    private final List<JsonObject> records;

    private MetricsLog(Path file, List<JsonObject> kept) throws IOException {
        this.file = file;
        this.records = new ArrayList<>(kept);
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A new log, replacing any file there. */
    public static MetricsLog create(Path file) {
        try {
            Files.deleteIfExists(file);
            return new MetricsLog(file, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot create metrics log: " + e.getMessage(), e);
        }
    }

    /** Continues a log after a resume from {@code step}: records past it are removed (rewritten atomically). */
    public static MetricsLog resume(Path file, long step) {
        List<JsonObject> kept = Files.exists(file)
                ? read(file).stream().filter(r -> r.get("step").getAsLong() <= step).toList() : List.of();
        try {
            AtomicFiles.writeLines(file, kept.stream().map(GSON::toJson).toList());
            return new MetricsLog(file, kept);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot rewrite metrics log: " + e.getMessage(), e);
        }
    }

    /** Appends one record: {@code kind}, {@code step}, then the fields in the order given. */
    public void write(String kind, long step, Map<String, ?> fields) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("step", step);
        fields.forEach((k, v) -> o.add(k, GSON.toJsonTree(v)));
        try {
            out.write(GSON.toJson(o));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append metrics: " + e.getMessage(), e);
        }
        records.add(o);
    }

    /** Every record of this run so far (kept ones after a resume included), oldest first. */
    public List<JsonObject> records() { return List.copyOf(records); }

    public Path file() { return file; }

    /** Parses a metrics file; a bad line is reported with its number. */
    public static List<JsonObject> read(Path file) {
        List<JsonObject> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                try {
                    JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
                    if (!o.has("step") || !o.has("kind")) throw new JsonParseException("no 'kind' or 'step'");
                    out.add(o);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a metrics record: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read metrics: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
