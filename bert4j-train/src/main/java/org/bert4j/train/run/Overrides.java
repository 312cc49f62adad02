package org.bert4j.train.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line overrides {@code key=value} ({@code --set optimizer.lr=1e-3}); lists are comma-separated
 * ({@code corpus.paths=a.txt,b.txt}), piecewise schedules {@code schedule.points=0:1,1000:0.1}.
 */
public final class Overrides {

    private Overrides() {}

    public static Map<String, RunValues.Value> parse(List<String> assignments) {
        return parse(assignments, RunSchema.TABLE);
    }

    public static Map<String, RunValues.Value> parse(List<String> assignments, SettingTable table) {
        Map<String, RunValues.Value> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            String origin = "--set " + a;
            if (eq <= 0) throw new RunConfigException(origin + ": expected key=value");
            String key = a.substring(0, eq).strip();
            Setting s = table.require(key, origin);
            out.put(key, new RunValues.Value(raw(s, a.substring(eq + 1), origin), origin));
        }
        return out;
    }

    private static Object raw(Setting s, String text, String origin) {
        return switch (s.kind()) {
            case LIST -> text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
            case POINTS -> points(s.key(), text, origin);
            default -> text;
        };
    }

    private static Map<String, String> points(String key, String text, String origin) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text.isBlank()) return m;
        for (String item : text.split(",")) {
            String[] kv = item.split(":", 2);
            if (kv.length != 2) {
                throw new RunConfigException(origin + ": key '" + key + "' must be step:multiplier pairs separated by commas");
            }
            m.put(kv[0].strip(), kv[1].strip());
        }
        return m;
    }

    /** One override from a command-line option with its own name ({@code --corpus}, {@code --out}). */
    public static Map<String, RunValues.Value> option(String option, String key, Object value) {
        return option(option, key, value, RunSchema.TABLE);
    }

    public static Map<String, RunValues.Value> option(String option, String key, Object value, SettingTable table) {
        table.require(key, option);
        return Map.of(key, new RunValues.Value(value, option + " " + value));
    }
}
