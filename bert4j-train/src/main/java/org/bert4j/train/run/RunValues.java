package org.bert4j.train.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The settings of one run, each with where it came from: schema default, preset, run file and line, or
 * {@code --set}. Layers are stacked with {@link #with}; the last one to give a key wins. Typed getters convert
 * the text and name the origin and key when it does not fit.
 */
public final class RunValues {

    /** A raw value: text, a list of text ({@link Setting.Kind#LIST}) or a map of text ({@link Setting.Kind#POINTS}). */
    public record Value(Object raw, String origin) {}

    private final SettingTable table;
    private final Map<String, Value> values;

    private RunValues(SettingTable table, Map<String, Value> values) {
        this.table = table;
        this.values = values;
    }

    /** The pre-training schema's defaults; keys without one are absent until a layer gives them. */
    public static RunValues defaults() {
        return defaults(RunSchema.TABLE);
    }

    /** The defaults of {@code table}; keys without one are absent until a layer gives them. */
    public static RunValues defaults(SettingTable table) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (Setting s : table.settings().values()) {
            if (s.defaultValue() != null) m.put(s.key(), new Value(defaultRaw(s), "default"));
        }
        return new RunValues(table, m);
    }

    /** The keys these values were checked against. */
    public SettingTable table() { return table; }

    private static Object defaultRaw(Setting s) {
        return switch (s.kind()) {
            case LIST -> List.of();
            case POINTS -> Map.of();
            default -> s.defaultValue();
        };
    }

    /** These values with a layer on top (keys already checked against the schema by whoever built the layer). */
    public RunValues with(Map<String, Value> layer) {
        Map<String, Value> m = new LinkedHashMap<>(values);
        m.putAll(layer);
        return new RunValues(table, m);
    }

    public boolean has(String key) { return values.containsKey(key); }

    public String origin(String key) { return has(key) ? values.get(key).origin() : "default"; }

    public String text(String key) {
        Object raw = require(key).raw();
        if (!(raw instanceof String s)) throw invalid(key, "must be a single value, got " + raw);
        return s.strip();
    }

    public long integer(String key, long min) {
        String t = text(key).replace("_", "");
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw invalid(key, "must be an integer, got '" + t + "'");
        }
        if (v < min) throw invalid(key, "must be at least " + min + ", got " + v);
        return v;
    }

    public int smallInteger(String key, int min) {
        long v = integer(key, min);
        if (v > Integer.MAX_VALUE) throw invalid(key, "must be at most " + Integer.MAX_VALUE + ", got " + v);
        return (int) v;
    }

    public double number(String key, double min, double max) {
        String t = text(key);
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a number, got '" + t + "'");
        }
        if (!(v >= min && v <= max)) throw invalid(key, "must be in [" + min + ", " + max + "], got " + t);
        return v;
    }

    public boolean flag(String key) {
        String t = text(key).toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
        throw invalid(key, "must be true or false, got '" + t + "'");
    }

    public String choice(String key) {
        String t = text(key).toLowerCase(Locale.ROOT).replace('-', '_');
        List<String> allowed = table.settings().get(key).choices();
        if (!allowed.contains(t)) throw invalid(key, "must be one of " + allowed + ", got '" + text(key) + "'");
        return t;
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object raw = require(key).raw();
        if (!(raw instanceof List<?>)) throw invalid(key, "must be a list, got " + raw);
        return (List<String>) raw;
    }

    /** A {@link Setting.Kind#POINTS} map, sorted by step. */
    @SuppressWarnings("unchecked")
    public NavigableMap<Long, Double> points(String key) {
        Object raw = require(key).raw();
        if (!(raw instanceof Map<?, ?>)) throw invalid(key, "must be a mapping step: multiplier, got " + raw);
        Map<String, String> entries = (Map<String, String>) raw;
        NavigableMap<Long, Double> out = new TreeMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            try {
                out.put(Long.parseLong(e.getKey().strip()), Double.parseDouble(e.getValue().strip()));
            } catch (NumberFormatException ex) {
                throw invalid(key, "entries must be step: multiplier, got " + e.getKey() + ": " + e.getValue());
            }
        }
        return out;
    }

    /** An error about a key's value, naming where the value came from. */
    public RunConfigException invalid(String key, String why) {
        return new RunConfigException(origin(key) + ": key '" + key + "' " + why);
    }

    private Value require(String key) {
        if (!table.settings().containsKey(key)) throw new IllegalArgumentException("not a run setting: " + key);
        Value v = values.get(key);
        if (v == null) {
            throw new RunConfigException("required key '" + key + "' is missing: give it in the run file or with --set "
                    + key + "=... (" + table.settings().get(key).help() + ")");
        }
        return v;
    }

    /** The values as nested JSON (sections as objects), as {@code run.json} records them. */
    public JsonObject toJson() {
        JsonObject root = new JsonObject();
        values.forEach((key, v) -> {
            String[] parts = key.split("\\.");
            JsonObject o = root;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!o.has(parts[i])) o.add(parts[i], new JsonObject());
                o = o.getAsJsonObject(parts[i]);
            }
            o.add(parts[parts.length - 1], json(v.raw()));
        });
        return root;
    }

    private static com.google.gson.JsonElement json(Object raw) {
        if (raw instanceof List<?> l) {
            JsonArray a = new JsonArray();
            l.forEach(x -> a.add(x.toString()));
            return a;
        }
        if (raw instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.addProperty(k.toString(), x.toString()));
            return o;
        }
        return new com.google.gson.JsonPrimitive(raw.toString());
    }
}
