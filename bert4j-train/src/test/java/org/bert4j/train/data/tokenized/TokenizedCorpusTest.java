package org.bert4j.train.data.tokenized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bert4j.testing.SharedData;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.TestCorpora;
import org.bert4j.train.data.corpus.CorpusProblem;
import org.bert4j.train.data.corpus.CorpusProblemLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizedCorpusTest {

    @TempDir
    Path dir;

    /** The columns hold exactly what the tokenizer gives sentence by sentence, and the counts add up. */
    @Test
    void storesTokensWordStartsSentencesAndDocumentsAsTokenised() throws IOException {
        Path file = write("docs.jsonl", """
                {"text": "我爱北京天安门。今天天气很好！"}
                {"text": "not json
                {"text": "他说hyperparameters很重要"}
                """);
        List<CorpusProblem> problems = new ArrayList<>();
        TokenizedCorpus corpus = TokenizedCorpus.open(settings(file), dir.resolve("cache"), problems::add);

        assertEquals(new CorpusStats(2, 3, 8 + 7 + 11, 1), corpus.stats()); // 。 is a token of its own
        assertEquals(List.of(2L), problems.stream().map(CorpusProblem::line).toList());
        assertFalse(corpus.fromCache());
        assertEquals(new SpecialTokens(101, 102, 103, 0, 100, 21128), corpus.specialTokens());
        try (CorpusTokenizer tokenizer = CorpusTokenizer.load(TestCorpora.chineseTokenizer(), WordBoundaryMode.AUTO.boundaries())) {
            List<TokenizedText> expected = List.of(tokenizer.tokenize("我爱北京天安门。"), tokenizer.tokenize("今天天气很好！"),
                    tokenizer.tokenize("他说hyperparameters很重要"));
            for (int s = 0; s < expected.size(); s++) {
                assertArrayEquals(expected.get(s).ids(), ids(corpus, s), "sentence " + s);
                assertArrayEquals(expected.get(s).wordStarts(), wordStarts(corpus, s), "sentence " + s);
            }
        }
        assertEquals(0, corpus.firstSentence(0));
        assertEquals(2, corpus.endSentence(0));
        assertEquals(15, corpus.documentFirstToken(1));
        assertEquals(26, corpus.documentEndToken(1));
    }

    @Test
    void aSecondOpenReusesTheCacheAndAChangedFileInvalidatesIt() throws IOException {
        Path file = write("a.txt", "第一篇文章。\n第二篇文章。\n");
        Path cache = dir.resolve("cache");
        TokenizedCorpus first = TokenizedCorpus.open(settings(file), cache, failOnProblem());
        TokenizedCorpus second = TokenizedCorpus.open(settings(file), cache, failOnProblem());
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(first.directory(), second.directory());
        assertEquals(first.stats(), second.stats());
        assertEquals(List.of(first.directory()), cacheEntries(cache), "no temporary build directory is left behind");

        Files.writeString(file, "第三篇文章。\n", StandardOpenOption.APPEND);
        TokenizedCorpus changed = TokenizedCorpus.open(settings(file), cache, failOnProblem());
        assertFalse(changed.fromCache());
        assertNotEquals(first.directory(), changed.directory());
        assertEquals(3, changed.documents());

        TokenizedCorpus limited = TokenizedCorpus.open(settings(file).withMaxDocuments(1), cache, failOnProblem());
        assertFalse(limited.fromCache());
        assertEquals(1, limited.documents());
    }

    @Test
    void aTruncatedColumnIsAnErrorNamingTheFile() throws IOException {
        Path file = write("a.txt", "一篇文章。\n");
        TokenizedCorpus corpus = TokenizedCorpus.open(settings(file), dir.resolve("cache"), failOnProblem());
        Path tokens = corpus.directory().resolve(TokenizedCorpus.TOKENS);
        try (FileChannel channel = FileChannel.open(tokens, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 4);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TokenizedCorpus.read(corpus.directory()));
        assertTrue(e.getMessage().startsWith(tokens + ": 16 bytes where the header's counts need 20"), e.getMessage());
    }

    /** Throughput on real text (jieba included); printed for the record, bounded loosely for a shared 2-core machine. */
    @Test
    void tokenisesTheHeadOfARealCorpus() {
        Path eprstmt = SharedData.data("zh/corpus/fewclue_unlabeled/eprstmt.json");
        CorpusSettings settings = CorpusSettings.of(List.of(eprstmt), TestCorpora.chineseTokenizer()).withMaxDocuments(3000);
        long start = System.nanoTime();
        TokenizedCorpus corpus = TokenizedCorpus.open(settings, dir.resolve("cache"), CorpusProblemLog.onStderr());
        double seconds = (System.nanoTime() - start) / 1e9;
        long again = System.nanoTime();
        assertTrue(TokenizedCorpus.open(settings, dir.resolve("cache"), failOnProblem()).fromCache());
        double cachedSeconds = (System.nanoTime() - again) / 1e9;
        System.out.printf("eprstmt head: %s in %.2f s = %.0f docs/s, %.0f tokens/s; cache hit in %.3f s%n",
                corpus.stats(), seconds, corpus.documents() / seconds, corpus.tokens() / seconds, cachedSeconds);
        assertEquals(3000, corpus.documents());
        assertEquals(0, corpus.stats().skippedLines());
        assertTrue(corpus.tokens() > 100_000, "eprstmt reviews average about 46 characters: " + corpus.tokens());
    }

    private CorpusSettings settings(Path file) {
        return CorpusSettings.of(List.of(file), TestCorpora.chineseTokenizer());
    }

    private static Consumer<CorpusProblem> failOnProblem() {
        return p -> { throw new AssertionError("unexpected problem " + p); };
    }

    private static int[] ids(TokenizedCorpus corpus, long sentence) {
        return LongStream.range(corpus.firstToken(sentence), corpus.endToken(sentence)).mapToInt(corpus::tokenId).toArray();
    }

    private static boolean[] wordStarts(TokenizedCorpus corpus, long sentence) {
        long from = corpus.firstToken(sentence);
        boolean[] out = new boolean[(int) (corpus.endToken(sentence) - from)];
        for (int i = 0; i < out.length; i++) out[i] = corpus.wordStart(from + i);
        return out;
    }

    private static List<Path> cacheEntries(Path cache) throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.toList();
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
