package org.bert4j.train.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bert4j.testing.SharedData;
import org.bert4j.train.data.corpus.CorpusProblemLog;
import org.bert4j.train.data.tokenized.CorpusSettings;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * Real tokenizers (bge-small-zh-v1.5: bert-base-chinese's 21128-piece WordPiece; all-MiniLM-L6-v2: English uncased
 * WordPiece), copied out of the langchain4j jars on the test class path, and the heads of the shared FewCLUE
 * corpora tokenised once per test JVM into one temporary cache, so test classes share the tokenisation cost.
 */
public final class TestCorpora {

    private static final Map<String, Path> TOKENIZERS = new ConcurrentHashMap<>();
    private static final Map<String, TokenizedCorpus> CORPORA = new ConcurrentHashMap<>();
    private static Path cacheRoot;

    private TestCorpora() {}

    public static Path chineseTokenizer() { return tokenizer("bge-small-zh-v1.5-tokenizer.json"); }

    public static Path englishTokenizer() { return tokenizer("all-minilm-l6-v2-tokenizer.json"); }

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

    private static Path tokenizer(String resource) {
        return TOKENIZERS.computeIfAbsent(resource, r -> {
            try (InputStream in = TestCorpora.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) throw new IllegalStateException(r + " is not on the test class path");
                Path file = temporaryDirectory("bert4j-tokenizer").resolve(r);
                Files.copy(in, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
