package org.bert4j.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run files, presets and overrides: precedence, types, and errors that name the file, line and key. */
class RunConfigTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void unknownKeyNamesFileLineAndTheKeyMeant() throws IOException {
        Path run = write("run.yaml", "model: bert-tiny\noptimiser:\n  lr: 1e-3\n");
        RunConfigException e = assertThrows(RunConfigException.class, () -> RunFile.read(run));
        assertEquals(run + ":3: unknown key 'optimiser.lr' (did you mean optimizer.lr?)", e.getMessage());
    }

    @Test
    void unknownKeyFarFromAnyKnownOneGetsNoSuggestion() {
        RunConfigException e = assertThrows(RunConfigException.class, () -> Overrides.parse(List.of("colour=blue")));
        assertEquals("--set colour=blue: unknown key 'colour'", e.getMessage());
    }

    @Test
    void badValueNamesWhereItCameFrom() throws IOException {
        Path run = write("run.json", "{\n  \"model\": \"bert-tiny\",\n  \"train\": {\"steps\": \"many\"}\n}\n");
        RunValues v = RunLayers.resolve(run, Map.of(), List.of());
        RunConfigException e = assertThrows(RunConfigException.class, () -> v.integer("train.steps", 1));
        assertEquals(run + ":3: key 'train.steps' must be an integer, got 'many'", e.getMessage());
        RunValues o = RunLayers.resolve(null, Map.of(), List.of("optimizer.name=sgd"));
        e = assertThrows(RunConfigException.class, () -> o.choice("optimizer.name"));
        assertEquals("--set optimizer.name=sgd: key 'optimizer.name' must be one of [adamw, lamb], got 'sgd'", e.getMessage());
    }

    @Test
    void laterLayersWin() throws IOException {
        // default lr 1e-4 < preset (LAMB 1.76e-3) < run file < --set
        Path run = write("run.yaml", """
                model: roformer_v2-tiny
                optimizer: {lr: 2e-3, weight_decay: 0.05}
                corpus: {paths: [a.txt, b.txt]}
                output: {dir: out}
                """);
        PretrainingConfig c = PretrainingConfig.from(RunLayers.resolve(run, Map.of(), List.of("optimizer.lr=3e-3")));
        assertEquals(3e-3, c.optimizer().lr());
        assertEquals(0.05, c.optimizer().weightDecay());
        assertEquals("lamb", c.optimizer().name(), "from the preset");
        assertFalse(c.optimizer().biasCorrection(), "from the preset");
        assertEquals(200, c.train().residualWarmupSteps(), "from the preset");
        assertEquals(List.of(Path.of("a.txt"), Path.of("b.txt")), c.corpus().paths());
        assertEquals(Path.of("out/cache"), c.corpus().cacheDir(), "default under the output directory");
        assertEquals(0.15, c.masking().rate(), "schema default");
        assertNull(c.tokenizer());
        assertEquals("--set optimizer.lr=3e-3", c.values().origin("optimizer.lr"));
        assertEquals(run + ":2", c.values().origin("optimizer.weight_decay"));
        assertEquals("preset roformer_v2-tiny.yaml:18", c.values().origin("optimizer.name"));
    }

    @Test
    void withoutAPresetTheDefaultsAreForContinuedPretraining() {
        PretrainingConfig c = PretrainingConfig.from(RunLayers.resolve(null, Map.of(),
                List.of("model=some/dir", "corpus.paths=x.json", "output.dir=o")));
        assertEquals("adamw", c.optimizer().name());
        assertEquals(1e-4, c.optimizer().lr());
        assertEquals(0, c.train().residualWarmupSteps());
    }

    @Test
    void listsAndPiecewisePointsFromFilesAndOverrides() throws IOException {
        Path run = write("run.yaml", "schedule:\n  kind: piecewise\n  points: {0: 0.0, 100: 1.0, 1000: 0.1}\n");
        RunValues v = RunLayers.resolve(run, Map.of(), List.of());
        assertEquals(Map.of(0L, 0.0, 100L, 1.0, 1000L, 0.1), v.points("schedule.points"));
        RunValues o = RunLayers.resolve(run, Map.of(), List.of("schedule.points=0:1,50:0.5", "corpus.paths=a,b"));
        assertEquals(Map.of(0L, 1.0, 50L, 0.5), o.points("schedule.points"));
        assertEquals(List.of("a", "b"), o.list("corpus.paths"));
        Path single = write("one.yaml", "corpus: {paths: only.txt}\n");
        assertEquals(List.of("only.txt"), RunLayers.resolve(single, Map.of(), List.of()).list("corpus.paths"));
    }

    @Test
    void missingRequiredKeyAndStructuralMistakesAreNamed() throws IOException {
        RunConfigException e = assertThrows(RunConfigException.class,
                () -> PretrainingConfig.from(RunLayers.resolve(null, Map.of(), List.of("model=x", "output.dir=o"))));
        assertTrue(e.getMessage().startsWith("required key 'corpus.paths' is missing"), e.getMessage());
        Path dup = write("dup.yaml", "train:\n  steps: 5\n  steps: 6\n");
        e = assertThrows(RunConfigException.class, () -> RunFile.read(dup));
        assertEquals(dup + ":3: key 'train.steps' given twice", e.getMessage());
        Path listForScalar = write("list.yaml", "train:\n  steps: [1, 2]\n");
        e = assertThrows(RunConfigException.class, () -> RunFile.read(listForScalar));
        assertEquals(listForScalar + ":2: key 'train.steps' must be a single value", e.getMessage());
        Path broken = write("broken.yaml", "train: {steps: 5\n");
        e = assertThrows(RunConfigException.class, () -> RunFile.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not valid YAML or JSON"), e.getMessage());
    }

    @Test
    void resolvedValuesRoundTripThroughRunJson() throws IOException {
        RunValues v = RunLayers.resolve(null, Map.of(), List.of("model=bert-tiny", "corpus.paths=a,b", "output.dir=o",
                "schedule.points=0:1,10:0.5"));
        Path json = write("run.json", v.toJson().toString());
        RunValues back = RunLayers.resolve(json, Map.of(), List.of());
        assertEquals(v.toJson(), back.toJson());
    }
}
