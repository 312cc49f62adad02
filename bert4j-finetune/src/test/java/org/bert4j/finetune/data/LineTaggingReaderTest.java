package org.bert4j.finetune.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The résumé NER layout: characters, a tab, tags, one sentence a line. */
class LineTaggingReaderTest {

    private static final LineTaggingReader READER = new LineTaggingReader();

    @TempDir Path tmp;

    @Test
    void resumeSplitsHaveOneSentenceALine() {
        ReadResult<TaggedSequence> train = READER.readAll(SharedData.data("zh/ner/resume/train.char.bmes"));
        assertEquals(3821, train.size());
        assertEquals(463, READER.readAll(SharedData.data("zh/ner/resume/dev.char.bmes")).size());
        assertEquals(477, READER.readAll(SharedData.data("zh/ner/resume/test.char.bmes")).size());
        TaggedSequence first = train.examples().get(0);
        assertEquals(List.of("高", "勇", "：", "男"), first.tokens().subList(0, 4));
        assertEquals(List.of("B-NAME", "E-NAME", "O", "O"), first.tags().subList(0, 4));
        assertEquals(List.of("B-CONT", "M-CONT", "M-CONT", "E-CONT"), first.tags().subList(5, 9));
    }

    @Test
    void unequalCountsAndMissingTabAreReportedByLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("r.bmes"), "高 勇\tB-NAME E-NAME\n男 ，\tO\n没有制表符 O\n好\tO\n",
                StandardCharsets.UTF_8);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> READER.readAll(file));
        assertTrue(e.getMessage().startsWith(file + ":2: 2 tokens but 1 tags"), e.getMessage());
        ReadResult<TaggedSequence> skipped = READER.readAll(file, OnBadRecord.SKIP);
        assertEquals(2, skipped.size());
        assertEquals(4, skipped.lineOf(1));
        assertEquals(List.of(2L, 3L), skipped.report().problems().stream().map(DataProblem::line).toList());
        assertTrue(skipped.report().problems().get(1).message().contains("no tab"));
    }
}
