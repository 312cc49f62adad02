package org.bert4j.train.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stacks a run's settings in order of precedence: schema defaults, then the preset's training defaults (when
 * {@code model} names a preset), then the run file, then command-line options and {@code --set} overrides.
 * The preset is found from the upper layers first, because they may be what names it.
 */
public final class RunLayers {

    private RunLayers() {}

    /** @param runFile may be null; @param options named command-line options, already keyed; @param sets --set k=v */
    public static RunValues resolve(Path runFile, Map<String, RunValues.Value> options, List<String> sets) {
        Map<String, RunValues.Value> file = runFile == null ? Map.of() : RunFile.read(runFile);
        Map<String, RunValues.Value> overrides = Overrides.parse(sets);
        RunValues upper = RunValues.defaults().with(file).with(options).with(overrides);
        Optional<Presets.Preset> preset = upper.has("model") ? Presets.find(upper.text("model")) : Optional.empty();
        RunValues base = preset.map(p -> RunValues.defaults().with(p.defaults())).orElse(RunValues.defaults());
        return base.with(file).with(options).with(overrides);
    }
}
