package org.bert4j.finetune.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CoNLL columns: CoNLL-2003, MSRA and Weibo as shared, and broken files. */
class CoNllReaderTest {

    @TempDir Path tmp;

    @Test
    void conll2003DevSentences() {
        ReadResult<TaggedSequence> dev = new CoNllReader().readAll(SharedData.data("en/ner/conll2003/dev.txt"));
        assertEquals(3250, dev.size());
        assertEquals(51362, dev.examples().stream().mapToInt(TaggedSequence::size).sum());
        TaggedSequence first = dev.examples().get(0);
        assertEquals(List.of("CRICKET", "-", "LEICESTERSHIRE", "TAKE"), first.tokens().subList(0, 4));
        assertEquals(List.of("O", "O", "B-ORG", "O"), first.tags().subList(0, 4));
        assertEquals(1, dev.lineOf(0));
        assertTrue(dev.report().clean());
    }

    @Test
    void msraDevSentences() {
        ReadResult<TaggedSequence> dev = new CoNllReader().readAll(SharedData.data("zh/ner/msra/dev.ner"));
        // The data README says 3,000 sentences; the file has 4,636 blank-line-separated ones.
        assertEquals(4636, dev.size());
        assertEquals(List.of("因", "此", "要"), dev.examples().get(0).tokens().subList(0, 3));
        assertEquals(1355, dev.examples().stream().flatMap(s -> s.tags().stream()).filter("B-NR"::equals).count());
    }

    @Test
    void weiboTokensLoseTheirSegmentPosition() {
        ReadResult<TaggedSequence> train = new CoNllReader().withTokenTransform(CoNllReader::withoutSegmentPosition)
                .readAll(SharedData.data("zh/ner/weibo/weiboNER_2nd_conll.train"));
        assertEquals(1350, train.size());
        assertEquals(List.of("科", "技", "全"), train.examples().get(0).tokens().subList(0, 3));
        assertEquals("1", CoNllReader.withoutSegmentPosition("12"));
        assertEquals("\uFFFD\uFFFD", CoNllReader.withoutSegmentPosition("\uFFFD\uFFFD0"));
    }

    @Test
    void docstartBlankRunsAndChosenColumns() throws IOException {
        Path file = write("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n\n\tPeter\tNNP  B-NP B-PER\n");
        ReadResult<TaggedSequence> last = new CoNllReader().readAll(file);
        assertEquals(2, last.size());
        assertEquals(new TaggedSequence(List.of("EU", "rejects"), List.of("B-ORG", "O")), last.examples().get(0));
        assertEquals(3, last.lineOf(0));
        assertEquals(7, last.lineOf(1));
        assertEquals(Map.of("-DOCSTART- line", 1L), last.report().skippedByReason());
        ReadResult<TaggedSequence> pos = new CoNllReader().withColumns(0, 1).readAll(file);
        assertEquals(List.of("NNP", "VBZ"), pos.examples().get(0).tags());
    }

    @Test
    void aLineWithoutTagNamesItsLine() throws IOException {
        Path file = write("a O\nb B-X\n\nc O\nd\ne O\n\nf O\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> new CoNllReader().readAll(file));
        assertTrue(e.getMessage().startsWith(file + ":5: wrong column count"), e.getMessage());
        ReadResult<TaggedSequence> skipped = new CoNllReader().readAll(file, OnBadRecord.SKIP);
        assertEquals(List.of(List.of("a", "b"), List.of("f")), skipped.examples().stream().map(TaggedSequence::tokens).toList());
        assertEquals(5, skipped.report().problems().get(0).line());
        assertTrue(skipped.report().problems().get(0).message().contains("the sentence is left out"));
    }

    @Test
    void anIdeographicSpaceIsAToken() throws IOException {
        Path file = write("\u3000 O\n");
        assertEquals(List.of("\u3000"), new CoNllReader().readAll(file).examples().get(0).tokens());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "data", ".conll"), content, StandardCharsets.UTF_8);
    }
}
