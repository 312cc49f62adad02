package org.bert4j.train.run;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Built-in recipes, one YAML resource each ({@code presets/NAME.yaml}): a {@code config} section (HF
 * {@code config.json} keys) and a {@code run} section of training defaults in run-file form, checked against
 * {@link RunSchema} like any run file. Each paper's size has a {@code -tiny} sibling that trains in minutes on a
 * laptop, for demos.
 */
public final class Presets {

    public static final List<String> NAMES = List.of(
            "roformer_v2-tiny", "roformer_v2-small", "roformer_v2-base", "roformer_v2-large",
            "gau_alpha-tiny", "gau_alpha-base", "bert-tiny", "bert-base", "roberta-tiny", "roberta-base",
            "albert-tiny", "albert-base", "electra-tiny", "electra-small", "electra-base",
            "deberta_v3-tiny", "deberta_v3-xsmall", "deberta_v3-base");

    /** A preset: its model config (vocab_size and pad_token_id are the tokenizer's at build time) and run defaults. */
    public record Preset(String name, JsonObject config, Map<String, RunValues.Value> defaults) {}

    private Presets() {}

    public static Optional<Preset> find(String name) {
        return NAMES.contains(name) ? Optional.of(load(name)) : Optional.empty();
    }

    static Preset load(String name) {
        String resource = "presets/" + name + ".yaml";
        String text;
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("preset resource missing: " + resource);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
        Map<String, Object> doc = new Yaml(new LoaderOptions()).load(text);
        if (!(doc.get("config") instanceof Map<?, ?> config)) throw new IllegalStateException(resource + ": no config section");
        JsonObject json = new Gson().toJsonTree(config).getAsJsonObject();
        // The run section is read like a user's run file, so a wrong key in a preset fails the same way.
        Map<String, RunValues.Value> defaults = RunFile.parseSection(text, "run", "preset " + name + ".yaml");
        return new Preset(name, json, defaults);
    }
}
