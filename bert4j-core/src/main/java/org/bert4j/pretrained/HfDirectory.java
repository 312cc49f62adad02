package org.bert4j.pretrained;

import ai.djl.ndarray.types.DataType;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.config.HeadSpec;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;

/**
 * A Hugging Face model directory: {@code config.json}, {@code model.safetensors} (or shards + index) and
 * {@code tokenizer.json}. Saving builds the whole directory under a temporary name and swaps it in, so a crash
 * leaves either the old directory or the new one, never a mix.
 */
public final class HfDirectory {

    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";

    private HfDirectory() {}

    public static LoadedModel load(Path dir) {
        return load(dir, DataType.FLOAT32, WeightLoader.Options.STRICT);
    }

    public static LoadedModel load(Path dir, DataType type, WeightLoader.Options options) {
        return load(dir, type, options, null);
    }

    /**
     * Loads a model saved with a task head: the backbone as {@link #load(Path)} does, the head's parameters from
     * the keys equal to their paths (see {@link TaskHead}). {@code taskHead} is built by the caller from the same
     * config.json (its sizes come from there) and is filled in place; null loads a plain model.
     */
    public static LoadedModel load(Path dir, DataType type, WeightLoader.Options options, TaskHead taskHead) {
        if (!Files.isDirectory(dir)) throw new CheckpointException(dir + ": not a model directory");
        HfConfig config = HfConfig.read(dir.resolve(CONFIG));
        Path tokenizer = Files.isRegularFile(dir.resolve(TOKENIZER)) ? dir.resolve(TOKENIZER) : null;
        try (TensorSource weights = SafetensorsCheckpoint.open(dir)) {
            return ModelBuilder.load(config, weights, false, type, options, tokenizer,
                    taskHead == null ? null : taskHead.module());
        }
    }

    /** Writes the model in HF layout; {@code tokenizer} (may be null) is copied in as tokenizer.json. */
    public static void save(EncoderModel model, Family family, Path dir, Path tokenizer) {
        save(model, family, dir, tokenizer, SafetensorsCheckpoint.DEFAULT_MAX_SHARD_BYTES);
    }

    public static void save(EncoderModel model, Family family, Path dir, Path tokenizer, long maxShardBytes) {
        save(model, family, dir, tokenizer, null, d -> { }, maxShardBytes);
    }

    /**
     * Writes a fine-tuned model: the backbone under the family prefix, the task head under its own names, the
     * head's config keys over the family's (see {@link TaskHead}), then whatever {@code extras} adds to the
     * directory (a label file) before it is swapped in, so the directory appears complete or not at all.
     */
    public static void save(EncoderModel model, Family family, Path dir, Path tokenizer, TaskHead taskHead,
                            Consumer<Path> extras) {
        save(model, family, dir, tokenizer, taskHead, extras, SafetensorsCheckpoint.DEFAULT_MAX_SHARD_BYTES);
    }

    private static void save(EncoderModel model, Family family, Path dir, Path tokenizer, TaskHead taskHead,
                             Consumer<Path> extras, long maxShardBytes) {
        Path target = dir.toAbsolutePath();
        Path parent = target.getParent();
        Path staging = parent.resolve("." + target.getFileName() + ".tmp-" + System.nanoTime());
        try {
            Files.createDirectories(staging);
            JsonObject config = family.config(model.spec(), model.heads());
            if (taskHead != null) taskHead.config().entrySet().forEach(e -> config.add(e.getKey(), e.getValue().deepCopy()));
            config.addProperty("torch_dtype", model.dataType() == DataType.FLOAT64 ? "float64" : "float32");
            Files.writeString(staging.resolve(CONFIG), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config));
            // HF nests the backbone under its prefix in every class with a head on top.
            boolean prefixed = taskHead != null || hasPretrainingHeads(model.heads());
            Map<String, StoredTensor> tensors = WeightLoader.export(model, family.hfNames(), prefixed);
            if (taskHead != null) WeightLoader.exportUnderOwnPaths(taskHead.module(), tensors);
            SafetensorsCheckpoint.write(staging, tensors, Map.of("format", "pt"), maxShardBytes);
            if (tokenizer != null) Files.copy(tokenizer, staging.resolve(TOKENIZER), StandardCopyOption.REPLACE_EXISTING);
            extras.accept(staging);
            swapIn(staging, target);
        } catch (IOException e) {
            deleteTree(staging);
            throw new UncheckedIOException("cannot save model to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /** HF nests the backbone under its prefix ({@code bert.}) only in classes with heads. */
    public static boolean hasPretrainingHeads(HeadSpec heads) {
        return heads.hasMlm() || heads.sentencePair() || heads.hasReplacedTokenDetection();
    }

    private static void swapIn(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) deleteTree(old);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
