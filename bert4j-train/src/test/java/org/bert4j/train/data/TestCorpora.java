package org.bert4j.train.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bert4j.testing.RealTokenizers;
import org.bert4j.testing.SharedData;
import org.bert4j.train.data.corpus.CorpusProblemLog;
import org.bert4j.train.data.tokenized.CorpusSettings;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * Real tokenizers ({@link RealTokenizers}: bge-small-zh-v1.5, all-MiniLM-L6-v2), and the heads of the shared FewCLUE
 * corpora tokenised once per test JVM into one temporary cache, so test classes share the tokenisation cost.
 */
public final class TestCorpora {

    private static final Map<String, TokenizedCorpus> CORPORA = new ConcurrentHashMap<>();
    private static Path cacheRoot;

    private TestCorpora() {}

    public static Path chineseTokenizer() { return RealTokenizers.chinese(); }

    public static Path englishTokenizer() { return RealTokenizers.english(); }

    /** The first {@code documents} documents of {@code zh/corpus/fewclue_unlabeled/FILE}, tokenised with bge-small-zh. */
    public static TokenizedCorpus fewClue(String file, int documents) {
        return CORPORA.computeIfAbsent(file + "/" + documents, k -> TokenizedCorpus.open(
                CorpusSettings.of(List.of(SharedData.data("zh/corpus/fewclue_unlabeled/" + file)), chineseTokenizer())
                        .withMaxDocuments(documents), cacheRoot(), CorpusProblemLog.onStderr()));
    }

    private static synchronized Path cacheRoot() {
        if (cacheRoot == null) cacheRoot = temporaryDirectory("bert4j-test-corpora");
        return cacheRoot;
    }

    /** Deleted when the JVM exits. */
    private static Path temporaryDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
