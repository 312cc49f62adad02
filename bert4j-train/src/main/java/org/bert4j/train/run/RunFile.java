package org.bert4j.train.run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A run file in YAML or JSON (JSON is read as YAML's flow style, so both get line numbers) turned into a layer
 * of {@link RunValues}: nested sections become dotted keys ({@code optimizer: {lr: 1e-3}} is {@code optimizer.lr}),
 * and every key is checked against a {@link SettingTable} ({@link RunSchema}'s unless another is given) with its
 * line in the error.
 */
public final class RunFile {

    private RunFile() {}

    public static Map<String, RunValues.Value> read(Path file) {
        return read(file, RunSchema.TABLE);
    }

    public static Map<String, RunValues.Value> read(Path file, SettingTable table) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString(), table);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read run file: " + e.getMessage(), e);
        }
    }

    /** Parses text whose errors are reported against {@code name} (a file name, or "preset X"). */
    public static Map<String, RunValues.Value> parse(String text, String name) {
        return parse(new StringReader(text), name, RunSchema.TABLE);
    }

    /** The run settings under one top-level key of a larger document (a preset's {@code run:}), lines kept. */
    static Map<String, RunValues.Value> parseSection(String text, String section, String name) {
        Node root = compose(new StringReader(text), name);
        Map<String, RunValues.Value> out = new LinkedHashMap<>();
        if (!(root instanceof MappingNode m)) return out;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(section) && t.getValueNode() instanceof MappingNode v) {
                flatten(v, "", name, RunSchema.TABLE, out);
            }
        }
        return out;
    }

    private static Node compose(Reader reader, String name) {
        try {
            return new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            throw new RunConfigException(name + ": not valid YAML or JSON: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    static Map<String, RunValues.Value> parse(Reader reader, String name, SettingTable table) {
        Node root = compose(reader, name);
        Map<String, RunValues.Value> out = new LinkedHashMap<>();
        if (root == null) return out;
        if (!(root instanceof MappingNode m)) throw new RunConfigException(where(name, root) + ": a run file must be a mapping of keys");
        flatten(m, "", name, table, out);
        return out;
    }

    private static void flatten(MappingNode node, String prefix, String name, SettingTable table,
                                Map<String, RunValues.Value> out) {
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) throw new RunConfigException(where(name, t.getKeyNode()) + ": keys must be plain names");
            String key = prefix + k.getValue();
            Node value = t.getValueNode();
            Setting known = table.settings().get(key);
            if (value instanceof MappingNode sub && (known == null || known.kind() != Setting.Kind.POINTS)) {
                flatten(sub, key + ".", name, table, out); // a section: its keys are checked one by one
                continue;
            }
            String origin = where(name, k);
            Setting s = table.require(key, origin);
            if (out.containsKey(key)) throw new RunConfigException(origin + ": key '" + key + "' given twice");
            out.put(key, new RunValues.Value(raw(s, value, key, name), origin));
        }
    }

    private static Object raw(Setting s, Node value, String key, String name) {
        String origin = where(name, value);
        if (value instanceof ScalarNode sc) {
            return s.kind() == Setting.Kind.LIST ? List.of(sc.getValue()) : sc.getValue(); // one path needs no list
        }
        if (value instanceof SequenceNode seq && s.kind() == Setting.Kind.LIST) {
            List<String> items = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode item)) throw new RunConfigException(where(name, n) + ": key '" + key + "' items must be plain values");
                items.add(item.getValue());
            }
            return List.copyOf(items);
        }
        if (value instanceof MappingNode map && s.kind() == Setting.Kind.POINTS) {
            Map<String, String> points = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode pk) || !(t.getValueNode() instanceof ScalarNode pv)) {
                    throw new RunConfigException(where(name, t.getKeyNode()) + ": key '" + key + "' entries must be step: multiplier");
                }
                points.put(pk.getValue(), pv.getValue());
            }
            return points;
        }
        throw new RunConfigException(origin + ": key '" + key + "' must be " + switch (s.kind()) {
            case LIST -> "a list of values";
            case POINTS -> "a mapping step: multiplier";
            default -> "a single value";
        });
    }

    private static String where(String name, Node node) {
        return name + ":" + (node.getStartMark().getLine() + 1);
    }
}
