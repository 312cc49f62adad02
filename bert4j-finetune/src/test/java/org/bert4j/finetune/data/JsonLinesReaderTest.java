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

/** JSON lines: OCNLI with its "-" placeholder labels, and broken lines. */
class JsonLinesReaderTest {

    private static final JsonLinesReader<TextPairExample> OCNLI =
            JsonLinesReader.pairs("sentence1", "sentence2", "label").skippingLabel("-");

    @TempDir Path tmp;

    @Test
    void ocnliSkipsExamplesWithoutGoldLabel() {
        ReadResult<TextPairExample> train = OCNLI.readAll(SharedData.data("zh/pairs/ocnli/train.10k.json"));
        assertEquals(10_000 - 15, train.size());
        assertEquals(Map.of("no gold label \"-\"", 15L), train.report().skippedByReason());
        assertTrue(train.report().problems().isEmpty());
        TextPairExample first = train.examples().get(0);
        assertEquals("现在,我代表国务院,向大会报告政府工作,请予审议,并请全国政协委员提出意见", first.textA());
        assertEquals("全国政协委员无权提出建议", first.textB());
        assertEquals("contradiction", first.label());
        assertEquals(Set.of("entailment", "neutral", "contradiction"),
                train.examples().stream().map(TextPairExample::label).collect(Collectors.toSet()));
    }

    @Test
    void ocnliSmallSplitToo() {
        ReadReport report = OCNLI.read(SharedData.data("zh/pairs/ocnli/train.3k.json"), OnBadRecord.FAIL, (e, l) -> {});
        assertEquals(3000 - 6, report.examples());
        assertEquals(6, report.skipped());
    }

    @Test
    void withoutThePlaceholderADashIsJustALabel() throws IOException {
        Path file = write("{\"s\":\"a\",\"t\":\"b\",\"l\":\"-\"}\n");
        assertEquals("-", JsonLinesReader.pairs("s", "t", "l").readAll(file).examples().get(0).label());
    }

    @Test
    void badJsonNamesTheLine() throws IOException {
        Path file = write("{\"text\":\"a\",\"label\":1}\n{text: \"b\", \"label\": 0}\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> JsonLinesReader.texts("text", "label").readAll(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: bad JSON"), e.getMessage());
    }

    @Test
    void missingFieldsAndBadLabelsAreSkippedAndListed() throws IOException {
        Path file = write("""
                {"text":"ok","label":1}
                {"txt":"no text field","label":1}

                {"text":"bad label","label":true}
                {"text":"empty label","label":""}
                {"text":"last","label":"pos"}
                [1, 2]
                """);
        ReadResult<TextExample> result = JsonLinesReader.texts("text", "label").readAll(file, OnBadRecord.SKIP);
        assertEquals(List.of(new TextExample("ok", "1"), new TextExample("last", "pos")), result.examples());
        List<DataProblem> problems = result.report().problems();
        assertEquals(List.of(2L, 4L, 5L, 7L), problems.stream().map(DataProblem::line).toList());
        assertTrue(problems.get(0).message().contains("no field \"text\""), problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("bad label"), problems.get(1).message());
        assertTrue(problems.get(3).message().contains("expected an object"), problems.get(3).message());
        assertEquals(1, result.report().skipped());
    }

    @Test
    void multiLabelAndScoredFields() throws IOException {
        Path file = write("{\"text\":\"t\",\"labels\":[\"a\",3]}\n");
        assertEquals(Set.of("a", "3"), JsonLinesReader.multiLabel("text", "labels").readAll(file).examples().get(0).labels());
        Path scores = write("{\"a\":\"x\",\"b\":\"y\",\"s\":3.5}\n{\"a\":\"x\",\"b\":\"y\",\"s\":\"high\"}\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> JsonLinesReader.scoredPairs("a", "b", "s").readAll(scores));
        assertTrue(e.getMessage().contains(":2: unparseable number"), e.getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "data", ".json"), content, StandardCharsets.UTF_8);
    }
}
