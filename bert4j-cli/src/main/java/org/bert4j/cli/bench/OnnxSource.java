package org.bert4j.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bert4j.pretrained.MavenArtifacts;
import org.bert4j.pretrained.OfflineModels;

/**
 * The ONNX export ONNX Runtime runs, when there is one: an explicit file, the export inside the Maven jar a short
 * name comes from (the same weights bert4j converted), or {@code model.onnx} / {@code onnx/model.onnx} in a model
 * directory (Hugging Face Optimum's layouts). Null when none exists: the bench then runs bert4j alone.
 */
public final class OnnxSource {

    /** The bytes and where they came from, for the table. */
    public record Found(byte[] bytes, String origin) {}

    private OnnxSource() {}

    public static Found find(String model, Path modelDir, Path explicit) throws IOException {
        if (explicit != null) return new Found(Files.readAllBytes(explicit), explicit.toString());
        OfflineModels.Entry entry = OfflineModels.entries().get(model);
        if (entry != null && entry.onnxEntry() != null && !Files.isDirectory(Path.of(model))) {
            Path jar = MavenArtifacts.locate(entry.coordinates());
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry(entry.onnxEntry());
                if (e == null) throw new IOException(jar + ": no entry '" + entry.onnxEntry() + "'");
                try (InputStream in = zip.getInputStream(e)) {
                    return new Found(in.readAllBytes(), jar.getFileName() + "!/" + entry.onnxEntry());
                }
            }
        }
        for (String candidate : List.of("model.onnx", "onnx/model.onnx")) {
            Path p = modelDir.resolve(candidate);
            if (Files.isRegularFile(p)) return new Found(Files.readAllBytes(p), p.toString());
        }
        return null;
    }
}
