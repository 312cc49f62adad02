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

/** CLUENER spans, pretty-printed as shared or one object a line, with inclusive ends turned exclusive. */
class CluenerReaderTest {

    private static final CluenerReader READER = new CluenerReader();

    @TempDir Path tmp;

    @Test
    void sharedTrainSetIsPrettyPrinted() {
        ReadResult<SpanAnnotatedText> train = READER.readAll(SharedData.data("zh/ner/cluener/train.json"));
        assertEquals(10_748, train.size());
        assertTrue(train.report().clean());
        SpanAnnotatedText first = train.examples().get(0);
        assertTrue(first.text().startsWith("浙商银行企业信贷部叶老桂博士"));
        // Only the first of the two mentions of 叶老桂 is annotated: CLUENER does not always label repeats.
        assertEquals(List.of(new EntitySpan("company", 0, 4), new EntitySpan("name", 9, 12)), first.spans());
        assertEquals(32, first.text().indexOf("叶老桂", 12));
        assertEquals("叶老桂", first.spans().get(1).in(first.text()));
        assertEquals(1, train.lineOf(0));
        assertEquals(22, train.lineOf(1)); // the second object's brace
        for (SpanAnnotatedText example : train.examples()) {
            for (EntitySpan span : example.spans()) assertTrue(span.end() <= example.text().length());
        }
    }

    @Test
    void jsonLinesLayoutAndNestedSpans() throws IOException {
        Path file = write("""
                {"text": "北京大学校长", "label": {"organization": {"北京大学": [[0, 3]]}, "address": {"北京": [[0, 1]]}}}
                {"text": "没有实体"}
                """);
        ReadResult<SpanAnnotatedText> result = READER.readAll(file);
        assertEquals(List.of(new EntitySpan("address", 0, 2), new EntitySpan("organization", 0, 4)),
                result.examples().get(0).spans());
        assertTrue(result.examples().get(1).spans().isEmpty());
        assertEquals(2, result.lineOf(1));
    }

    @Test
    void codePointOffsetsAfterARareCharacterBecomeUtf16() throws IOException {
        Path file = write("{\"text\": \"𫚭鱼在上海\", \"label\": {\"address\": {\"上海\": [[3, 4]]}}}\n");
        SpanAnnotatedText example = READER.readAll(file).examples().get(0);
        assertEquals(new EntitySpan("address", 4, 6), example.spans().get(0));
        assertEquals("上海", example.spans().get(0).in(example.text()));
    }

    @Test
    void aSpanThatDoesNotMatchItsTextNamesTheObjectLine() throws IOException {
        Path file = write("""
                {"text": "ok", "label": {}}
                {
                  "text": "浙商银行",
                  "label": {"company": {"浙商银行": [[1, 4]]}}
                }
                {"text": "after"}
                """);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> READER.readAll(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("company \"浙商银行\" at [1, 4] does not match the text"), e.getMessage());
        ReadResult<SpanAnnotatedText> skipped = READER.readAll(file, OnBadRecord.SKIP);
        assertEquals(2, skipped.size());
        assertEquals(1, skipped.report().problems().size());
    }

    @Test
    void brokenJsonAndStrayTextAreLocated() throws IOException {
        Path file = write("{\"text\": \"a\"}\n{\"text\": \"b\",}\nnot json\n{\"text\": \"c\", \"label\": {\"x\": {\"c\": [[0, 5]]}}}\n{\"text\": \"d\"\n");
        ReadResult<SpanAnnotatedText> result = READER.readAll(file, OnBadRecord.SKIP);
        assertEquals(1, result.size());
        List<DataProblem> problems = result.report().problems();
        assertEquals(List.of(2L, 3L, 4L, 5L), problems.stream().map(DataProblem::line).toList());
        assertTrue(problems.get(0).message().startsWith("bad JSON"), problems.get(0).message());
        assertTrue(problems.get(2).message().contains("end does not fit"), problems.get(2).message());
        assertTrue(problems.get(3).message().contains("not closed"), problems.get(3).message());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "cluener", ".json"), content, StandardCharsets.UTF_8);
    }
}
