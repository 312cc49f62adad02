package org.bert4j.train.run;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.OfflineModels;
import org.bert4j.tokenization.TextTokenizer;
import org.bert4j.train.data.SpecialTokens;

/**
 * The {@code model} setting → the model to train: a preset name or a {@code config.json} starts from scratch
 * (sized to the tokenizer), a model directory or offline model name continues pre-training it.
 */
final class ModelChoice {

    private ModelChoice() {}

    static LoadedModel load(PretrainingConfig config, PrintStream log) {
        String model = config.model();
        Optional<Presets.Preset> preset = Presets.find(model);
        long seed = config.train().seed();
        if (fromScratch(config)) {
            JsonObject json = preset.map(Presets.Preset::config).orElseGet(() -> HfConfig.read(Path.of(model)).json());
            Path origin = preset.isPresent() ? Path.of("preset " + model) : Path.of(model);
            Path tokenizer = requireTokenizer(config, "a model from scratch (preset or config.json)");
            boolean rtd = config.objective().replacedTokenDetection();
            LoadedModel m = PretrainingModels.fresh(json, origin, tokenizer, specialTokens(tokenizer), seed, rtd);
            log.printf(Locale.ROOT, "model: %s from scratch, %s%s, %,d parameters%n", model, m.family().modelType(),
                    rtd ? " discriminator" : "", m.model().parameterCount());
            return m;
        }
        LoadedModel m = PretrainingModels.withPretrainingHeads(OfflineModels.resolve(model), seed);
        log.printf(Locale.ROOT, "model: continued pre-training of %s (%s, %,d parameters)%n", model,
                m.family().modelType(), m.model().parameterCount());
        if (!m.report().missing().isEmpty()) {
            log.println("  freshly initialised (absent from the checkpoint): " + String.join(", ", m.report().missing()));
        }
        if (config.tokenizer() != null) return new LoadedModel(m.model(), m.family(), m.report(), config.tokenizer());
        if (m.tokenizer() == null) requireTokenizer(config, model + " (it has no tokenizer.json)");
        return m;
    }

    /** Whether the model setting starts from scratch (a preset or a config.json) rather than a checkpoint. */
    static boolean fromScratch(PretrainingConfig config) {
        String model = config.model();
        return Presets.find(model).isPresent() || (model.endsWith(".json") && Files.isRegularFile(Path.of(model)));
    }

    private static Path requireTokenizer(PretrainingConfig config, String why) {
        if (config.tokenizer() == null) {
            throw new RunConfigException("key 'tokenizer' is required for " + why + ": give a tokenizer.json (--tokenizer)");
        }
        return config.tokenizer();
    }

    static SpecialTokens specialTokens(Path tokenizer) {
        try (TextTokenizer t = TextTokenizer.load(tokenizer, 16)) {
            return SpecialTokens.of(t);
        }
    }
}
