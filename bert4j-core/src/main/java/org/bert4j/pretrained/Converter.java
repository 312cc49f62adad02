package org.bert4j.pretrained;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.onnx.OnnxInitializers;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.checkpoint.tf.TfCheckpoint;
import org.bert4j.family.Bert;
import org.bert4j.tokenization.WordPieceTokenizerJson;

/**
 * Any checkpoint bert4j reads → a Hugging Face directory: an HF directory or offline short name (re-saved), an
 * ONNX export, a TF checkpoint (tensor bundle prefix, its {@code .index} file, or a SavedModel directory) or a
 * safetensors file with bert4keras TF names. Files without a config.json need {@code config} (a bert4keras or HF
 * config.json), or are taken as BERT with the shapes' sizes and {@code heads} attention heads.
 */
public final class Converter {

    /** Optional inputs: a config.json, a head count, a tokenizer.json or a vocab.txt (+ whether it is cased). */
    public record Options(Path config, Integer heads, Path tokenizer, Path vocab, boolean lowercase) {}

    private Converter() {}

    public static LoadReport convert(String source, Path destination, Options options) {
        Path src = Path.of(source);
        if (Files.isDirectory(src) && Files.isRegularFile(src.resolve(HfDirectory.CONFIG))) return resave(src, destination);
        if (!Files.exists(src) && OfflineModels.entries().containsKey(source)) return resave(OfflineModels.resolve(source), destination);
        String name = src.getFileName() == null ? "" : src.getFileName().toString();
        if (name.endsWith(".onnx")) {
            try (TensorSource t = OnnxInitializers.open(src)) {
                return convert(t, false, destination, options, null);
            }
        }
        if (name.endsWith(".safetensors")) {
            if (options.config() == null) throw new IllegalArgumentException(src + ": a safetensors file with TF names needs --config");
            try (TensorSource t = new SafetensorsFile(src)) {
                return convert(t, true, destination, options, null);
            }
        }
        Path prefix = tfPrefix(src);
        if (prefix != null) {
            Path sibling = prefix.getParent() == null ? null : firstExisting(prefix.resolveSibling("vocab.txt"),
                    prefix.getParent().resolveSibling("assets").resolve("vocab.txt"));
            try (TensorSource t = RenamedSource.stripping(TfCheckpoint.open(prefix), "module/")) {
                return convert(t, true, destination, options, sibling);
            }
        }
        throw new IllegalArgumentException(source + ": not a model directory, known model name, .onnx, .safetensors or TF checkpoint");
    }

    private static LoadReport resave(Path dir, Path destination) {
        try (LoadedModel m = HfDirectory.load(dir)) {
            HfDirectory.save(m.model(), m.family(), destination, m.tokenizer());
            return m.report();
        }
    }

    /** Tensors in HF ({@code tfNames = false}) or TF names → an HF directory; see {@link Options}. */
    static LoadReport convert(TensorSource t, boolean tfNames, Path destination, Options o, Path defaultVocab) {
        HfConfig config;
        if (o.config() != null) {
            config = HfConfig.read(o.config());
        } else {
            if (o.heads() == null) throw new IllegalArgumentException(t.origin() + ": no config.json given (--config) and "
                    + "the head count is not in the tensor shapes: give --heads");
            Bert bert = new Bert();
            config = ShapeInference.bertConfig(t, tfNames ? bert.tfNames() : bert.hfNames(), "bert", o.heads(), 1e-12);
        }
        Path tokenizer = o.tokenizer();
        Path vocab = o.vocab() != null ? o.vocab() : defaultVocab;
        try {
            Path generated = null;
            if (tokenizer == null && vocab != null) {
                generated = Files.createTempFile("bert4j-tokenizer", ".json");
                WordPieceTokenizerJson.fromVocab(vocab, o.lowercase(), generated);
                tokenizer = generated;
            }
            try (LoadedModel m = ModelBuilder.load(config, t, tfNames, DataType.FLOAT32, WeightLoader.Options.STRICT, tokenizer)) {
                HfDirectory.save(m.model(), m.family(), destination, tokenizer);
                return m.report();
            } finally {
                if (generated != null) Files.deleteIfExists(generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle prefix for {@code X.index}, {@code X} with {@code X.index} beside it, or a SavedModel directory. */
    static Path tfPrefix(Path src) {
        String s = src.toString();
        if (s.endsWith(".index") && Files.isRegularFile(src)) return Path.of(s.substring(0, s.length() - ".index".length()));
        if (Files.isRegularFile(Path.of(s + ".index"))) return src;
        if (Files.isDirectory(src)) {
            for (Path candidate : new Path[] {src.resolve("variables/variables"), src.resolve("variables")}) {
                if (Files.isRegularFile(Path.of(candidate + ".index"))) return candidate;
            }
        }
        return null;
    }

    private static Path firstExisting(Path... paths) {
        for (Path p : paths) if (p != null && Files.isRegularFile(p)) return p;
        return null;
    }
}
