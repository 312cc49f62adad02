package org.bert4j.train.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resumed run must see the data an uninterrupted one would: the settings that decide which sequences exist,
 * how they are masked and in which order they come must equal the checkpoint's {@code run.json}. Everything
 * else (steps, learning rate, intervals, output) may change between sessions.
 */
public final class ResumeCheck {

    static final List<String> FIXED = List.of("corpus.paths", "corpus.format", "corpus.field", "corpus.max_documents",
            "inputs.packing", "inputs.max_length", "masking.strategy", "masking.rate", "masking.mask_fraction",
            "masking.random_fraction", "train.batch_size", "train.accumulation", "train.seed", "eval.fraction");

    private ResumeCheck() {}

    static void requireCompatible(Path runJson, RunValues now) {
        requireCompatible(runJson, now, FIXED);
    }

    /** Fails naming every key of {@code fixed} whose value in {@code now} differs from the checkpoint's run.json. */
    public static void requireCompatible(Path runJson, RunValues now, List<String> fixed) {
        if (!Files.isRegularFile(runJson)) return; // a checkpoint written by hand or another tool: nothing to compare
        Map<String, RunValues.Value> saved = RunFile.read(runJson, now.table());
        List<String> changed = new ArrayList<>();
        for (String key : fixed) {
            Object before = saved.containsKey(key) ? normalise(saved.get(key).raw()) : null;
            Object after = now.has(key) ? normalise(nowRaw(now, key)) : null;
            if (before != null && !before.equals(after)) changed.add(key + " was " + before + ", now " + after);
        }
        if (!changed.isEmpty()) {
            throw new RunConfigException("cannot resume from " + runJson.getParent() + ": these settings decide the data "
                    + "and its order and must not change: " + String.join("; ", changed));
        }
    }

    private static Object nowRaw(RunValues v, String key) {
        return v.table().settings().get(key).kind() == Setting.Kind.LIST ? v.list(key) : v.text(key);
    }

    /** Text compared as numbers where both are numbers, so "1e-3" equals "0.001". */
    private static Object normalise(Object raw) {
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return s.strip();
            }
        }
        return raw;
    }
}
