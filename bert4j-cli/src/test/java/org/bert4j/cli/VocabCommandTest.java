package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.tokenization.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bert4j vocab} on a small corpus of a text file and a JSON-lines file, English and Chinese mixed. */
class VocabCommandTest {

    @TempDir
    Path dir;

    @Test
    void buildsALoadableVocabularyOfTheAskedSize() throws IOException {
        Path corpus = corpus();
        Path out = dir.resolve("vocab");
        CliTest.Result r = CliTest.run("vocab", corpus.toString(), "--out", out.toString(), "--vocab-size", "90",
                "--min-frequency", "2", "--field", "sentence", "--lowercase");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("texts:      240"), r.out());
        assertTrue(r.out().contains("vocabulary: 90 entries"), r.out());
        List<String> vocab = Files.readAllLines(out.resolve("vocab.txt"));
        assertEquals(90, vocab.size());
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), vocab.subList(0, 5));
        try (TextTokenizer tok = TextTokenizer.load(out.resolve("tokenizer.json"), 128)) {
            assertEquals(List.of("[CLS]", "the", "quick", "brown", "fox", "[SEP]"), List.of(tok.encode("The QUICK brown fox").getTokens()));
            assertEquals(List.of("[CLS]", "今", "天", "天", "气", "[SEP]"), List.of(tok.encode("今天天气").getTokens()));
        }
    }

    @Test
    void noLowercaseKeepsCase() throws IOException {
        Path out = dir.resolve("cased");
        CliTest.Result r = CliTest.run("vocab", corpus().toString(), "--out", out.toString(), "--vocab-size", "150",
                "--no-lowercase", "--field", "sentence");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(no pair left occurring 2 times)"), "the corpus runs out of merges: " + r.out());
        List<String> vocab = Files.readAllLines(out.resolve("vocab.txt"));
        assertTrue(vocab.contains("The") && vocab.contains("QUICK"), vocab.toString());
        try (TextTokenizer tok = TextTokenizer.load(out.resolve("tokenizer.json"), 128)) {
            assertEquals(List.of("[CLS]", "The", "QUICK", "[SEP]"), List.of(tok.encode("The QUICK").getTokens()));
        }
    }

    @Test
    void badInputNamesTheFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"sentence\": \"fine\"}\nnot json at all\n");
        CliTest.Result r = CliTest.run("vocab", bad.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad + ":2"), r.err());
        CliTest.Result tooSmall = CliTest.run("vocab", corpus().toString(), "--out", dir.resolve("y").toString(), "--vocab-size", "20");
        assertEquals(1, tooSmall.code());
        assertTrue(tooSmall.err().contains("alphabet alone"), tooSmall.err());
    }

    /** A directory with 120 English lines (text) and 120 Chinese ones (JSON lines, field "sentence"). */
    private Path corpus() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        List<String> english = new ArrayList<>();
        List<String> chinese = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            english.add("The QUICK brown fox jumps over the lazy dog, " + (i % 2 == 0 ? "again" : "twice") + ".");
            chinese.add("{\"sentence\": \"今天天气很好，我们去公园散步。\", \"id\": " + i + "}");
        }
        Files.write(corpus.resolve("english.txt"), english, StandardCharsets.UTF_8);
        Files.write(corpus.resolve("chinese.jsonl"), chinese, StandardCharsets.UTF_8);
        return corpus;
    }
}
