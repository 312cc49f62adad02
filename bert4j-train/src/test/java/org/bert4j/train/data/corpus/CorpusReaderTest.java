package org.bert4j.train.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

    @TempDir
    Path dir;

    @Test
    void plainTextIsOneDocumentPerLineSplitIntoSentences() throws IOException {
        Path file = write("a.txt", "今天天气很好。我们去公园吧！\n\n  \nThe cat sat. It was happy!\n");
        List<Document> docs = readAll(List.of(file), new CorpusFormat.LinePerDocument(), new ArrayList<>());
        assertEquals(List.of(new Document(List.of("今天天气很好。", "我们去公园吧！"), file + ":1"),
                new Document(List.of("The cat sat.", "It was happy!"), file + ":4")), docs);
    }

    @Test
    void blankLinesSeparateDocumentsOfOneSentenceALine() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = dir.resolve("bert.txt");
        Files.write(file, concat(bom, "First sentence.\r\nSecond one\r\n\r\n\r\nOther document\nlast line".getBytes(StandardCharsets.UTF_8)));
        List<Document> docs = readAll(List.of(file), new CorpusFormat.BlankLineSeparated(), new ArrayList<>());
        assertEquals(List.of(new Document(List.of("First sentence.", "Second one"), file + ":1"),
                new Document(List.of("Other document", "last line"), file + ":5")), docs);
    }

    /** Each kind of unreadable line is reported with its file and line; every good line around it is kept. */
    @Test
    void badLinesAreReportedWithFileAndLineAndSkipped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8("{\"text\": \"好的。谢谢！\"}\n"));
        bytes.writeBytes(utf8("{\"text\": broken\n"));
        bytes.writeBytes(concat(utf8("{\"text\": \"caf"), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\"}\n")));
        bytes.writeBytes(utf8("{\"title\": \"no text here\"}\n"));
        bytes.writeBytes(utf8("{\"text\": 42}\n"));
        bytes.writeBytes(utf8("\n"));
        bytes.writeBytes(utf8("{\"sentence\": \"第二个。\", \"text\": null}\n"));
        bytes.writeBytes(utf8("[1, 2]\n"));
        bytes.writeBytes(utf8("{\"content\": \"tail\"} trailing\n"));
        bytes.writeBytes(utf8("{\"content\": \"last, no newline\"}"));
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, bytes.toByteArray());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CorpusProblemLog problemLog = new CorpusProblemLog(new PrintStream(log, true, StandardCharsets.UTF_8), 100);
        List<CorpusProblem> problems = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        new CorpusReader(List.of(file), CorpusFormat.auto(), p -> {
            problems.add(p);
            problemLog.accept(p);
        }).read(Long.MAX_VALUE, docs::add);

        // Line 7: fields are tried in the order text, sentence, content, and a present "text" that is null is a
        // problem, not a reason to fall through to "sentence".
        assertEquals(List.of(new Document(List.of("好的。", "谢谢！"), file + ":1"),
                new Document(List.of("last, no newline"), file + ":10")), docs);
        assertEquals(List.of(2L, 3L, 4L, 5L, 7L, 8L, 9L), problems.stream().map(CorpusProblem::line).toList());
        assertTrue(problems.stream().allMatch(p -> p.file().equals(file)));
        assertReason(problems.get(0), "invalid JSON: ");
        assertReason(problems.get(1), "invalid UTF-8 at byte 13 of the line");
        assertReason(problems.get(2), "no text field: none of [text, sentence, content] is present");
        assertReason(problems.get(3), "field \"text\" is not a string but a number");
        assertReason(problems.get(4), "field \"text\" is not a string but null");
        assertReason(problems.get(5), "not a JSON object but an array");
        assertReason(problems.get(6), "invalid JSON: malformed JSON at line 1 column 22");
        assertEquals(7, problemLog.count());
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith(file + ":2: invalid JSON"), printed);
        assertTrue(printed.contains(file + ":3: invalid UTF-8 at byte 13 of the line (skipped)"), printed);
    }

    @Test
    void directoriesAreReadRecursivelyInPathOrderWithFormatByExtension() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus.resolve("b/.git"));
        Path second = write("corpus/b/2.txt", "plain text line.\n");
        write("corpus/b/.git/config", "not corpus text\n");
        write("corpus/.hidden.txt", "not corpus text\n");
        Path first = write("corpus/a.jsonl", "{\"text\": \"json line\"}\n");
        CorpusReader reader = new CorpusReader(List.of(corpus), CorpusFormat.auto(), p -> { throw new AssertionError(p.toString()); });
        assertEquals(List.of(first, second), reader.files());
        List<Document> docs = new ArrayList<>();
        reader.read(Long.MAX_VALUE, docs::add);
        assertEquals(List.of("json line", "plain text line."), docs.stream().map(d -> d.sentences().get(0)).toList());
        assertEquals(Files.size(first) + Files.size(second), reader.bytesRead());
        assertEquals(reader.totalBytes(), reader.bytesRead());
    }

    @Test
    void aMissingInputIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CorpusReader(List.of(missing), CorpusFormat.auto(), p -> {}));
        assertEquals(missing + ": no such corpus file or directory", e.getMessage());
    }

    /** The FewCLUE files are JSON lines with a "sentence" (tnews) or "content" (chid) field. */
    @Test
    void readsTheSharedFewClueCorpusHeadWithALimit() {
        Path tnews = SharedData.data("zh/corpus/fewclue_unlabeled/tnews.json");
        Path chid = SharedData.data("zh/corpus/fewclue_unlabeled/chid.json");
        List<Document> docs = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        CorpusReader reader = new CorpusReader(List.of(tnews, chid), CorpusFormat.auto(), problems::add);
        assertEquals(20_003, reader.read(20_003, docs::add));
        assertEquals(List.of(), problems);
        assertEquals(new Document(List.of("老公病重，娘家只借给我2千，4年后邻居说一话，我哽咽落泪"), tnews + ":1"), docs.get(0));
        assertEquals(chid + ":1", docs.get(20_000).origin());
        assertEquals("谈到自己抢到的前场篮板,艾顿表示:“在这支球队里每个人都有自己的工作,而球队要我们去做每个人最擅长的事情,#idiom#。",
                docs.get(20_000).sentences().get(0));
    }

    /** FewCLUE bustm holds pairs; naming the field reads its first sentences as documents. */
    @Test
    void namedFormatsTakeTheirFieldNames() {
        Path bustm = SharedData.data("zh/corpus/fewclue_unlabeled/bustm.json");
        List<Document> docs = new ArrayList<>();
        new CorpusReader(List.of(bustm), CorpusFormat.named("jsonl", List.of("sentence1")), p -> { throw new AssertionError(p.toString()); })
                .read(2, docs::add);
        assertEquals(List.of(new Document(List.of("的优点是什么"), bustm + ":1"), new Document(List.of("对你太可爱了"), bustm + ":2")), docs);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusFormat.named("csv", List.of()));
        assertEquals("unknown corpus format 'csv': expected auto, lines, blank-lines or jsonl", e.getMessage());
    }

    private static void assertReason(CorpusProblem problem, String expectedStart) {
        assertTrue(problem.reason().startsWith(expectedStart), problem.toString());
    }

    private List<Document> readAll(List<Path> inputs, CorpusFormat format, List<CorpusProblem> problems) {
        List<Document> docs = new ArrayList<>();
        new CorpusReader(inputs, format, problems::add).read(Long.MAX_VALUE, docs::add);
        assertEquals(List.of(), problems);
        return docs;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) { return concat(concat(a, b), c); }
}
