package org.bert4j.train.data.tokenized;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bert4j.train.data.corpus.CorpusFiles;
import org.bert4j.train.data.corpus.CorpusProblem;

/**
 * Tokenised corpora under a cache root, one directory per key. A new one is written into a temporary sibling
 * and renamed into place in one step, so a directory under its key name is always complete; when two runs race,
 * the first rename wins and the second uses it.
 */
final class CorpusCache {

    /** Hex digits of the key in the directory name: 96 bits, collisions are not a concern. */
    private static final int NAME_DIGITS = 24;

    private CorpusCache() {}

    static TokenizedCorpus open(CorpusSettings settings, Path cacheRoot, Consumer<CorpusProblem> problems) {
        List<Path> files = CorpusFiles.expand(settings.inputs());
        String key = CorpusCacheKey.compute(settings, files);
        Path target = cacheRoot.resolve(key.substring(0, NAME_DIGITS));
        if (Files.isDirectory(target)) return checked(TokenizedCorpus.read(target, true), key);
        Path building = null;
        try {
            Files.createDirectories(cacheRoot);
            building = Files.createTempDirectory(cacheRoot, ".building-" + key.substring(0, 8) + "-");
            CorpusTokenization.run(settings, files, key, building, problems);
            try {
                Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
                building = null;
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) throw raced;
                return checked(TokenizedCorpus.read(target, true), key);
            }
            return TokenizedCorpus.read(target, false);
        } catch (IOException e) {
            throw new UncheckedIOException(cacheRoot + ": cannot write the tokenised corpus: " + e.getMessage(), e);
        } finally {
            if (building != null) deleteQuietly(building);
        }
    }

    private static TokenizedCorpus checked(TokenizedCorpus corpus, String key) {
        if (!corpus.key().equals(key)) {
            throw new IllegalStateException(corpus.directory() + ": holds key " + corpus.key() + ", expected " + key);
        }
        return corpus;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless: its name never matches a key
        }
    }
}
