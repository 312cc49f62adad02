package org.bert4j.finetune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bert4j.finetune.data.MalformedDataException;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.TaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task files read by format and column settings, with the defaults the common data sets need. */
class TaskFilesTest {

    @TempDir
    Path tmp;

    private static FineTuneConfig.Data settings(String format, String header, String text, String pair, String label, boolean skip) {
        return new FineTuneConfig.Data(Path.of("unused"), null, 0.1, format, header, text, pair, label, "|", "", skip);
    }

    @Test
    void headerlessTsvDefaultsToTextThenLabelAndPairsToTwoTextsThenLabel() throws IOException {
        Path single = Files.writeString(tmp.resolve("s.tsv"), "好评\tpositive\n差评\tnegative\n");
        ReadResult<SequenceExample<String>> s = TaskFiles.classification(settings("auto", "auto", "", "", "", false), false).read(single);
        assertEquals(List.of(new SequenceExample<>(SequenceInput.of("好评"), "positive"), new SequenceExample<>(SequenceInput.of("差评"), "negative")),
                s.examples());
        Path pairs = Files.writeString(tmp.resolve("p.txt"), "a b\tc d\t1\n");
        FineTuneConfig.Data pairSettings = settings("auto", "auto", "", "", "", false);
        assertTrue(TaskFiles.pairInput(TaskKind.PAIR_CLASSIFICATION, pairSettings));
        assertEquals(new SequenceExample<>(SequenceInput.of("a b", "c d"), "1"),
                TaskFiles.classification(pairSettings, true).read(pairs).examples().get(0));
    }

    @Test
    void namedColumnsImplyAHeaderAndCsvQuotesWork() throws IOException {
        Path csv = Files.writeString(tmp.resolve("w.csv"), "label,review\n1,\"好吃, 快\"\n0,太慢\n");
        ReadResult<SequenceExample<String>> r = TaskFiles.classification(settings("auto", "auto", "review", "", "label", false), false).read(csv);
        assertEquals(new SequenceExample<>(SequenceInput.of("好吃, 快"), "1"), r.examples().get(0));
        assertEquals(3, r.lineOf(1));
    }

    @Test
    void jsonLinesRegressionAndMultiLabel() throws IOException {
        Path sts = Files.writeString(tmp.resolve("sts.jsonl"), "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"label\": 4.5}\n");
        assertEquals(new SequenceExample<>(SequenceInput.of("a", "b"), 4.5),
                TaskFiles.regression(settings("auto", "auto", "", "", "", false), true).read(sts).examples().get(0));
        Path scores = Files.writeString(tmp.resolve("scores.tsv"), "text\tstars\nok\t3\n");
        assertEquals(new SequenceExample<>(SequenceInput.of("ok"), 3.0),
                TaskFiles.regression(settings("tsv", "true", "text", "", "stars", false), false).read(scores).examples().get(0));
        Path tags = Files.writeString(tmp.resolve("tags.tsv"), "x\tsport|news\ny\t\n");
        ReadResult<SequenceExample<Set<String>>> m = TaskFiles.multiLabel(settings("auto", "auto", "", "", "", false), false).read(tags);
        assertEquals(Set.of("sport", "news"), m.examples().get(0).gold());
        assertEquals(Set.of(), m.examples().get(1).gold(), "an empty label field: no label applies");
    }

    @Test
    void aMalformedLineIsNamedOrSkipped() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.tsv"), "a\tpos\nno label here\nb\tneg\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> TaskFiles.classification(settings("auto", "auto", "", "", "", false), false).read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":2: wrong column count"), e.getMessage());
        ReadResult<SequenceExample<String>> skipped = TaskFiles.classification(settings("auto", "auto", "", "", "", true), false).read(bad);
        assertEquals(2, skipped.size());
        assertEquals(1, skipped.report().problems().size());
    }

    @Test
    void aNoGoldLabelIsLeftOutAndCounted() throws IOException {
        Path ocnli = Files.writeString(tmp.resolve("ocnli.json"), "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"label\": \"neutral\"}\n"
                + "{\"sentence1\": \"c\", \"sentence2\": \"d\", \"label\": \"-\"}\n"
                + "{\"sentence1\": \"e\", \"sentence2\": \"f\", \"label\": \"entailment\"}\n");
        FineTuneConfig.Data dash = new FineTuneConfig.Data(Path.of("unused"), null, 0.1, "auto", "auto", "", "", "", ",", "-", false);
        ReadResult<SequenceExample<String>> r = TaskFiles.classification(dash, true).read(ocnli);
        assertEquals(List.of("neutral", "entailment"), r.examples().stream().map(SequenceExample::gold).toList());
        assertEquals(List.of(1L, 3L), List.of(r.lineOf(0), r.lineOf(1)), "each kept example keeps its line");
        assertEquals(1L, r.report().skippedByReason().get("label '-' (no gold label)"));
    }
}
