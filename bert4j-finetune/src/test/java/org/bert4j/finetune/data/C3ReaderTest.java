package org.bert4j.finetune.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C3 multiple choice: question counts of the four shared files, answers as choice indexes, broken documents. */
class C3ReaderTest {

    private static final C3Reader READER = new C3Reader();

    @TempDir Path tmp;

    @Test
    void questionCountsMatchTheRelease() {
        int train = READER.readAll(SharedData.data("zh/choice/c3/c3-m-train.json")).size()
                + READER.readAll(SharedData.data("zh/choice/c3/c3-d-train.json")).size();
        ReadResult<MultipleChoiceExample> mixedDev = READER.readAll(SharedData.data("zh/choice/c3/c3-m-dev.json"));
        int dev = mixedDev.size() + READER.readAll(SharedData.data("zh/choice/c3/c3-d-dev.json")).size();
        assertEquals(11_869, train);
        assertEquals(3_816, dev);
        assertEquals(1991, mixedDev.size());
        MultipleChoiceExample first = mixedDev.examples().get(0);
        assertEquals("11-67#0", first.id());
        assertTrue(first.context().get(0).startsWith("梅兰芳是中国著名的京剧演员。"));
        assertEquals("梅兰芳是一个什么样的人?", first.question());
        assertEquals(4, first.choices().size());
        assertEquals(2, first.answerIndex());
        assertEquals("他是一个很虚心的人", first.answer());
        assertTrue(mixedDev.examples().stream().anyMatch(q -> q.choices().size() == 2));
    }

    @Test
    void answerNotAmongTheChoicesNamesDocumentQuestionAndLine() throws IOException {
        Path file = write("""
                [
                  [["段落"], [
                    {"question": "问1", "choice": ["甲", "乙"], "answer": "乙"},
                    {"question": "问2", "choice": ["甲", "乙"], "answer": "丙"},
                    {"question": "问3", "choice": ["甲", "乙", "丙"]}
                  ], "doc-1"],
                  [["段落"], "not questions", "doc-2"],
                  [["段落"], []]
                ]
                """);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> READER.readAll(file));
        assertTrue(e.getMessage().startsWith(file + ":4: document doc-1, question 1: bad label: answer \"丙\""), e.getMessage());
        ReadResult<MultipleChoiceExample> skipped = READER.readAll(file, OnBadRecord.SKIP);
        assertEquals(List.of("doc-1#0", "doc-1#2"), skipped.examples().stream().map(MultipleChoiceExample::id).toList());
        assertFalse(skipped.examples().get(1).hasAnswer());
        assertEquals(List.of(4L, 7L, 8L), skipped.report().problems().stream().map(DataProblem::line).toList());
        assertTrue(skipped.report().problems().get(2).message().contains("has 2 elements"));
    }

    @Test
    void truncatedFileStops() throws IOException {
        Path file = write("[[[\"p\"], [{\"question\": \"q\", \"choice\": [\"a\", \"b\"], \"answer\": \"a\"}], \"d\"],\n[[\"p\"],");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> READER.readAll(file, OnBadRecord.SKIP));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("bad JSON"), e.getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "c3", ".json"), content, StandardCharsets.UTF_8);
    }
}
