package org.bert4j.finetune.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Named scores in the order they were added, the common output of every metric in this package and what
 * {@code bert4j evaluate} prints. Insertion order is kept so that the headline number (accuracy, F1) comes first
 * and per-class details follow, the same way on every run.
 *
 * @param values metric name → value; copied, and the copy keeps the given map's iteration order
 */
public record MetricResult(Map<String, Double> values) {

    public MetricResult {
        values.forEach((name, value) -> {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("blank metric name");
            if (value == null) throw new IllegalArgumentException("metric " + name + " has no value");
        });
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No metrics yet; grow it with {@link #with}. */
    public static MetricResult empty() {
        return new MetricResult(Map.of());
    }

    /** One metric. */
    public static MetricResult of(String name, double value) {
        return empty().with(name, value);
    }

    /**
     * This result plus {@code name} at the end. A name already present is refused: two metrics computed under the
     * same name would silently hide one of them.
     */
    public MetricResult with(String name, double value) {
        if (values.containsKey(name)) throw new IllegalArgumentException("metric " + name + " already present");
        LinkedHashMap<String, Double> grown = new LinkedHashMap<>(values);
        grown.put(name, value);
        return new MetricResult(grown);
    }

    /** This result followed by all of {@code other}'s metrics (names must not collide). */
    public MetricResult plus(MetricResult other) {
        MetricResult all = this;
        for (Map.Entry<String, Double> e : other.values.entrySet()) all = all.with(e.getKey(), e.getValue());
        return all;
    }

    /** The value of {@code name}; throws when there is no such metric (a typo should not read as 0). */
    public double get(String name) {
        Double value = values.get(name);
        if (value == null) throw new NoSuchElementException("no metric " + name + "; have " + values.keySet());
        return value;
    }

    /** One {@code name: value} line per metric, value with 4 decimals ({@code NaN} printed as such). */
    public List<String> lines() {
        return values.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s: %.4f", e.getKey(), e.getValue()))
                .toList();
    }

    /** {@link #lines()} joined by newlines, without a trailing one. */
    public String render() {
        return String.join("\n", lines());
    }
}
