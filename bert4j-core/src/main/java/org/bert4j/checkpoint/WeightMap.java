package org.bert4j.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A declarative table between bert4j parameter paths and one checkpoint naming (HF or TF). Templates use
 * {@code {i}} for a layer index and {@code {g}} for a group index. Backbone names may carry a prefix
 * ({@code bert.}) that base-model files omit; the loader detects which form a file uses.
 *
 * <p>Besides one-to-one rules the table lists <em>tied aliases</em> (a checkpoint key that duplicates a tied
 * parameter, e.g. {@code cls.predictions.decoder.weight}) and <em>ignored</em> keys that are not weights
 * (buffers such as {@code position_ids}, optimizer slots). Every other key in a file must map to a parameter.
 */
public final class WeightMap {

    /** One rule; {@code transpose} swaps the two axes of a matrix (TF kernels are [in, out], ours [out, in]). */
    public record Rule(String internal, String external, boolean transpose, Pattern internalPattern) {}

    private final String backbonePrefix;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Rule> aliases = new ArrayList<>();
    private final List<Pattern> ignored = new ArrayList<>();

    /** @param backbonePrefix prefix of {@code encoder.*} and {@code pooler.*} names (e.g. {@code "bert."}), or "" */
    public WeightMap(String backbonePrefix) {
        this.backbonePrefix = backbonePrefix;
    }

    public String backbonePrefix() { return backbonePrefix; }

    public WeightMap map(String internal, String external) { return add(rules, internal, external, false); }

    public WeightMap mapTransposed(String internal, String external) { return add(rules, internal, external, true); }

    /** A checkpoint key that repeats the tied parameter {@code internal}: accepted on load, never written. */
    public WeightMap tiedAlias(String internal, String external) { return add(aliases, internal, external, false); }

    /** Keys matching this regex are not weights and are skipped on load. */
    public WeightMap ignore(String regex) {
        ignored.add(Pattern.compile(regex));
        return this;
    }

    private WeightMap add(List<Rule> list, String internal, String external, boolean transpose) {
        String regex = Pattern.quote(internal).replace("{i}", "\\E(\\d+)\\Q").replace("{g}", "\\E(\\d+)\\Q");
        list.add(new Rule(internal, external, transpose, Pattern.compile(regex)));
        return this;
    }

    /** The checkpoint name of a bert4j path, or null when no rule covers it. */
    public Resolved resolve(String internalPath, boolean withPrefix) {
        for (Rule r : rules) {
            Matcher m = r.internalPattern().matcher(internalPath);
            if (m.matches()) return new Resolved(fill(r, m, withPrefix), r.transpose());
        }
        return null;
    }

    /** The alias names a tied path may also appear under. */
    public List<String> aliasesOf(String internalPath, boolean withPrefix) {
        List<String> out = new ArrayList<>();
        for (Rule r : aliases) {
            Matcher m = r.internalPattern().matcher(internalPath);
            if (m.matches()) out.add(fill(r, m, false)); // tied duplicates live in the head's scope, unprefixed
        }
        return out;
    }

    public boolean isIgnored(String externalName) {
        return ignored.stream().anyMatch(p -> p.matcher(externalName).matches());
    }

    private String fill(Rule r, Matcher m, boolean withPrefix) {
        String name = r.external();
        List<String> placeholders = new ArrayList<>();
        Matcher t = Pattern.compile("\\{[ig]}").matcher(r.internal());
        while (t.find()) placeholders.add(t.group());
        for (int k = 0; k < placeholders.size(); k++) name = name.replace(placeholders.get(k), m.group(k + 1));
        boolean backbone = r.internal().startsWith("encoder.") || r.internal().startsWith("pooler.");
        return backbone && withPrefix ? backbonePrefix + name : name;
    }

    /** A resolved checkpoint name. */
    public record Resolved(String name, boolean transpose) {}
}
