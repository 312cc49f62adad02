package org.bert4j.train.run;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadReport;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.pretrained.WeightLoader;
import org.bert4j.train.data.SpecialTokens;

/**
 * The model a run trains, always with its family's pre-training heads: fresh from a preset or a
 * {@code config.json} (vocabulary size and pad id from the tokenizer), or an existing checkpoint for continued
 * pre-training (DAPT/TAPT), whose backbone is loaded and whose absent heads (an embedding model has no MLM head)
 * are freshly initialised and listed in the load report.
 */
public final class PretrainingModels {

    private static final List<String> HEAD_PREFIXES = List.of("mlm.", "pooler.", "sentence_pair.", "rtd.");

    private PretrainingModels() {}

    /**
     * A fresh model from a config object, its vocabulary and pad id those of the tokenizer; with the family's
     * pre-training heads, or as the discriminator of replaced-token detection.
     */
    public static LoadedModel fresh(JsonObject config, Path origin, Path tokenizer, SpecialTokens specials, long seed,
                                    boolean discriminator) {
        JsonObject c = config.deepCopy();
        c.addProperty("vocab_size", specials.vocabSize());
        c.addProperty("pad_token_id", specials.pad());
        HfConfig hf = new HfConfig(origin, c);
        Family family = ModelBuilder.family(hf);
        HeadSpec heads;
        try {
            heads = discriminator ? family.discriminatorHeads(hf) : family.defaultHeads(hf);
        } catch (IllegalArgumentException e) {
            throw new RunConfigException(origin + ": objective.kind rtd: " + e.getMessage());
        }
        LoadedModel m = ModelBuilder.create(hf, heads, DataType.FLOAT32, seed);
        return new LoadedModel(m.model(), m.family(), m.report(), tokenizer);
    }

    /**
     * A checkpoint directory with the family's default heads: every backbone weight must be in the file; head
     * weights the file lacks get fresh values drawn from {@code seed} and are named in the report's missing list.
     */
    public static LoadedModel withPretrainingHeads(Path dir, long seed) {
        if (!Files.isDirectory(dir)) throw new CheckpointException(dir + ": not a model directory");
        HfConfig config = HfConfig.read(dir.resolve(HfDirectory.CONFIG));
        Family family = ModelBuilder.family(config);
        EncoderSpec spec;
        try {
            spec = family.spec(config);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(config.origin() + ": " + e.getMessage(), e);
        }
        EncoderModel model = EncoderModel.create(spec, family.defaultHeads(config), DataType.FLOAT32);
        try (TensorSource weights = SafetensorsCheckpoint.open(dir)) {
            LoadReport report = WeightLoader.load(model, weights, family.hfNames(), new WeightLoader.Options(true, false), List.of());
            List<String> backbone = report.missing().stream().filter(m -> !isHead(m)).toList();
            if (!backbone.isEmpty()) throw new CheckpointException(dir + ": backbone weights missing: " + backbone);
            model.initialize(seed); // draws only what loading left unset: the absent heads
            Path tokenizer = dir.resolve(HfDirectory.TOKENIZER);
            return new LoadedModel(model, family, report, Files.isRegularFile(tokenizer) ? tokenizer : null);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Missing entries read "checkpoint-name (parameter.path)". */
    private static boolean isHead(String missing) {
        int open = missing.lastIndexOf('(');
        String path = open < 0 ? missing : missing.substring(open + 1, missing.length() - 1);
        return HEAD_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
