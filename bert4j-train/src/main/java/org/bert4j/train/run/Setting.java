package org.bert4j.train.run;

import java.util.List;

/**
 * One key of a run file: its dotted name, the kind of value, the default (null when the run must give it) and
 * what it means. Values stay text until a typed getter reads them, so {@code 1e-3} is a number whatever YAML
 * 1.1 thinks of it.
 *
 * @param choices the allowed values of a {@link Kind#CHOICE}, empty otherwise
 */
public record Setting(String key, Kind kind, String defaultValue, List<String> choices, String help) {

    public enum Kind {
        TEXT, INTEGER, NUMBER, BOOLEAN, CHOICE,
        /** A list of text items (YAML sequence, or comma-separated in an override). */
        LIST,
        /** A map step → number (YAML mapping, or {@code 0:1,1000:0.1} in an override). */
        POINTS;

        boolean structured() { return this == LIST || this == POINTS; }
    }

    public static Setting text(String key, String dflt, String help) { return new Setting(key, Kind.TEXT, dflt, List.of(), help); }

    public static Setting integer(String key, String dflt, String help) { return new Setting(key, Kind.INTEGER, dflt, List.of(), help); }

    public static Setting number(String key, String dflt, String help) { return new Setting(key, Kind.NUMBER, dflt, List.of(), help); }

    public static Setting flag(String key, String dflt, String help) { return new Setting(key, Kind.BOOLEAN, dflt, List.of(), help); }

    public static Setting choice(String key, String dflt, List<String> choices, String help) {
        return new Setting(key, Kind.CHOICE, dflt, choices, help);
    }

    public static Setting list(String key, String help) { return new Setting(key, Kind.LIST, null, List.of(), help); }

    public static Setting points(String key, String help) { return new Setting(key, Kind.POINTS, "", List.of(), help); }
}
