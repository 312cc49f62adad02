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
import java.util.Set;
import java.util.stream.Collectors;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and TSV files: the real CLUE and review sets, and broken files that must fail at the right line. */
class DelimitedTextReaderTest {

    private static final DelimitedTextReader<TextPairExample> TSV_PAIRS =
            DelimitedTextReader.pairs(DelimitedFormat.TSV, Column.at(0), Column.at(1), Column.at(2));
    private static final DelimitedTextReader<TextExample> REVIEWS =
            DelimitedTextReader.texts(DelimitedFormat.CSV.withHeader(), Column.named("review"), Column.named("label"));

    @TempDir Path tmp;

    @Test
    void afqmcDevHasAllItsPairs() {
        ReadResult<TextPairExample> dev = TSV_PAIRS.readAll(SharedData.data("zh/pairs/afqmc/dev.txt"));
        assertEquals(4316, dev.size());
        assertTrue(dev.report().clean(), dev.report().summary());
        // The published first line splits one question over the first two columns; it is read as written.
        assertEquals(new TextPairExample("双十一花呗提额在哪", "里可以提花呗额度", "0"), dev.examples().get(0));
        assertEquals(1, dev.lineOf(0));
        Map<String, Long> counts = dev.examples().stream()
                .collect(Collectors.groupingBy(TextPairExample::label, Collectors.counting()));
        assertEquals(Map.of("0", 2978L, "1", 1338L), counts);
    }

    @Test
    void lcqmcDevStreams() {
        long[] count = {0};
        ReadReport report = TSV_PAIRS.read(SharedData.data("zh/pairs/lcqmc/dev.txt"), OnBadRecord.FAIL,
                (example, line) -> count[0]++);
        assertEquals(8802, count[0]);
        assertEquals(8802, report.examples());
    }

    @Test
    void waimaiReviewsKeepTheirQuotedCommas() {
        ReadResult<TextExample> reviews = REVIEWS.readAll(SharedData.data("zh/classification/waimai_10k.csv"));
        assertEquals(11987, reviews.size());
        assertEquals(new TextExample("很快，好吃，味道足，量大", "1"), reviews.examples().get(0));
        assertEquals(2, reviews.lineOf(0));
        long withComma = reviews.examples().stream().filter(e -> e.text().contains(",")).count();
        assertTrue(withComma > 100, withComma + " reviews with an ASCII comma");
        assertTrue(reviews.examples().stream().noneMatch(e -> e.text().startsWith("\"")));
        assertEquals(Set.of("0", "1"), reviews.examples().stream().map(TextExample::label).collect(Collectors.toSet()));
    }

    @Test
    void hotelReviewsUndoubleQuotes() {
        ReadResult<TextExample> reviews = REVIEWS.readAll(SharedData.data("zh/classification/ChnSentiCorp_htl_all.csv"));
        assertEquals(7766, reviews.size());
        assertTrue(reviews.examples().get(0).text().contains("如果是\"蔡陆线\"的话"), reviews.examples().get(0).text());
    }

    @Test
    void mrpcHeaderAfterAByteOrderMarkIsFoundByName() {
        ReadResult<TextPairExample> mrpc = DelimitedTextReader.pairs(DelimitedFormat.TSV.withHeader(),
                Column.named("#1 String"), Column.named("#2 String"), Column.named("Quality"))
                .readAll(SharedData.data("en/pairs/mrpc/train.txt"));
        assertEquals(4076, mrpc.size());
        assertTrue(mrpc.examples().get(0).textA().startsWith("Amrozi accused his brother"));
        assertEquals("1", mrpc.examples().get(0).label());
    }

    @Test
    void stsbScoresAreNumbers() {
        ReadResult<ScoredTextPair> dev = DelimitedTextReader.scoredPairs(DelimitedFormat.TSV, Column.at(0), Column.at(1),
                Column.at(2)).readAll(SharedData.data("zh/pairs/stsb/sts-b-dev.txt"));
        assertEquals(1458, dev.size());
        assertEquals(new ScoredTextPair("一个戴着安全帽的男人在跳舞。", "一个戴着安全帽的男人在跳舞。", 5.0), dev.examples().get(0));
    }

    @Test
    void quotedFieldsMaySpanLinesAndHoldDoubledQuotes() throws IOException {
        Path file = write("q.csv", "label,review\r\n1,\"a, \"\"b\"\"\nsecond line\"\r\n0,plain\r\n");
        ReadResult<TextExample> result = REVIEWS.readAll(file);
        assertEquals(List.of(new TextExample("a, \"b\"\nsecond line", "1"), new TextExample("plain", "0")),
                result.examples());
        assertEquals(2, result.lineOf(0));
        assertEquals(4, result.lineOf(1));
    }

    @Test
    void wrongColumnCountNamesFileAndLine() throws IOException {
        Path file = write("bad.tsv", "a\tb\t1\nc\td\t0\ne\tf\tg\t1\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> TSV_PAIRS.readAll(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3: wrong column count: expected 3"), e.getMessage());
    }

    @Test
    void skipBadLinesKeepsTheRestAndListsEachProblem() throws IOException {
        Path file = write("bad.tsv", "a\tb\t1\nbroken line\n\nc\td\t \ne\tf\t0\n");
        ReadResult<TextPairExample> result = TSV_PAIRS.readAll(file, OnBadRecord.SKIP);
        assertEquals(List.of(new TextPairExample("a", "b", "1"), new TextPairExample("e", "f", "0")), result.examples());
        List<DataProblem> problems = result.report().problems();
        assertEquals(2, problems.size());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("wrong column count"));
        assertEquals(4, problems.get(1).line());
        assertTrue(problems.get(1).message().contains("bad label"), problems.get(1).message());
        assertEquals(Map.of("blank line", 1L), result.report().skippedByReason());
        String summary = result.report().summary();
        assertTrue(summary.contains("2 examples") && summary.contains(file + ":2:") && summary.contains(file + ":4:"), summary);
    }

    @Test
    void unparseableScoreIsReported() throws IOException {
        Path file = write("sts.tsv", "a\tb\t4.5\nc\td\tfive\n");
        var reader = DelimitedTextReader.scoredPairs(DelimitedFormat.TSV, Column.at(0), Column.at(1), Column.at(2));
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> reader.readAll(file));
        assertTrue(e.getMessage().startsWith(file + ":2: unparseable number"), e.getMessage());
    }

    @Test
    void csvQuotingFaultsAreRecordsOfTheirOwn() throws IOException {
        Path file = write("bad.csv", "label,review\n1,\"ok\"\n0,half \"quoted\"\n1,\"closed\" then text\n0,fine\n1,\"never closed\n");
        ReadResult<TextExample> result = REVIEWS.readAll(file, OnBadRecord.SKIP);
        assertEquals(List.of(new TextExample("ok", "1"), new TextExample("fine", "0")), result.examples());
        List<Long> lines = result.report().problems().stream().map(DataProblem::line).toList();
        assertEquals(List.of(3L, 4L, 6L), lines);
        assertTrue(result.report().problems().get(2).message().contains("never closed"));
    }

    @Test
    void missingHeaderColumnFailsEvenWhenSkipping() throws IOException {
        Path file = write("h.csv", "label,text\n1,x\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> REVIEWS.readAll(file, OnBadRecord.SKIP));
        assertTrue(e.getMessage().startsWith(file + ":1: no column \"review\" in the header [label, text]"), e.getMessage());
    }

    @Test
    void multiLabelColumnSplitsOnItsSeparator() throws IOException {
        Path file = write("m.tsv", "text one\tsports|politics\ntext two\t\n");
        ReadResult<MultiLabelExample> result = DelimitedTextReader.multiLabel(DelimitedFormat.TSV, Column.at(0),
                Column.at(1), "|").readAll(file);
        assertEquals(List.of("sports", "politics"), List.copyOf(result.examples().get(0).labels()));
        assertTrue(result.examples().get(1).labels().isEmpty());
    }

    @Test
    void columnNamesNeedAHeader() {
        assertThrows(IllegalArgumentException.class,
                () -> DelimitedTextReader.texts(DelimitedFormat.TSV, Column.named("text"), Column.at(1)));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }
}
