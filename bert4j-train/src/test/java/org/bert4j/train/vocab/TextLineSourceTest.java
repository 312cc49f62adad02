package org.bert4j.train.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLineSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainLinesAndJsonFieldsInPathOrder() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("b.txt"), "third line\n\n  \nfourth line\n");
        Files.writeString(corpus.resolve("a.jsonl"), "{\"sentence\": \"first\", \"id\": 1}\n{\"content\": \"second\"}\n"
                + "{\"sentence\": \"pair a\", \"content\": \"pair b\"}\n");
        Files.writeString(corpus.resolve(".hidden"), "never read\n");
        List<String> texts = read(new TextLineSource(List.of(corpus), List.of("sentence", "content")));
        assertEquals(List.of("first", "second", "pair a", "pair b", "third line", "fourth line"), texts);
    }

    @Test
    void aBadJsonLineIsReportedWithFileAndLine() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"text\": \"fine\"}\n{\"text\": \n");
        IOException e = assertThrows(IOException.class, () -> read(new TextLineSource(List.of(file), List.of("text"))));
        assertTrue(e.getMessage().startsWith(file + ":2: not a JSON line"), e.getMessage());
    }

    @Test
    void aMissingFieldIsReportedWithTheKeysFound() throws IOException {
        Path file = dir.resolve("pairs.json");
        Files.writeString(file, "{\"sentence1\": \"a\", \"sentence2\": \"b\"}\n");
        IOException e = assertThrows(IOException.class, () -> read(new TextLineSource(List.of(file), List.of("sentence"))));
        assertTrue(e.getMessage().contains(file + ":1: none of the text fields [sentence]")
                && e.getMessage().contains("sentence1"), e.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsNamed() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        IOException e = assertThrows(IOException.class, () -> read(new TextLineSource(List.of(file), List.of("text"))));
        assertTrue(e.getMessage().startsWith(file + ": not UTF-8 text"), e.getMessage());
    }

    @Test
    void aMissingPathIsNamed() {
        Path nope = dir.resolve("nope.txt");
        IOException e = assertThrows(IOException.class, () -> read(new TextLineSource(List.of(nope), List.of("text"))));
        assertTrue(e.getMessage().contains(nope.toString()), e.getMessage());
    }

    private static List<String> read(TextLineSource source) throws IOException {
        List<String> texts = new ArrayList<>();
        source.forEachText(texts::add);
        return texts;
    }
}
