package org.bert4j.finetune.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** SQuAD-layout QA: CMRC 2018 trial and DRCD dev as shared, answer offsets checked, broken files located. */
class SquadReaderTest {

    private static final SquadReader READER = new SquadReader();

    @TempDir Path tmp;

    @Test
    void cmrcTrialOffsetsCountUtf16Units() {
        ReadResult<QaExample> trial = READER.readAll(SharedData.data("zh/mrc/cmrc2018_trial.json"));
        assertEquals(1002, trial.size());
        // Read as code points (Python), 5 answers of TRIAL_210 look one off: its context has 𫚭 (U+2B6AD) early on.
        // As Java String indices every answer is where the file says.
        assertTrue(trial.report().clean(), trial.report().summary());
        QaExample first = trial.examples().get(0);
        assertEquals("TRIAL_800_QUERY_0", first.id());
        assertEquals("泡泡战士", first.title());
        assertEquals("生命数耗完即算为什么？", first.question());
        assertEquals(List.of(new QaAnswer("踢爆", 127)), first.answers());
        assertEquals(10, trial.lineOf(0));
        QaExample rare = trial.examples().stream().filter(q -> q.id().equals("TRIAL_210_QUERY_0")).findFirst().orElseThrow();
        QaAnswer answer = rare.answers().get(0);
        assertEquals(14, answer.start());
        assertEquals("俗名龙尖", rare.context().substring(answer.start(), answer.end()));
    }

    @Test
    void drcdDevHasTwoReferencesPerQuestion() {
        ReadResult<QaExample> dev = READER.readAll(SharedData.data("zh/mrc/DRCD_dev.json"));
        assertEquals(3524, dev.size());
        assertTrue(dev.report().clean());
        assertEquals(7048, dev.examples().stream().mapToInt(q -> q.answers().size()).sum());
        QaExample first = dev.examples().get(0);
        assertEquals("1147-5-1", first.id());
        assertEquals("梵文", first.title());
        assertEquals(List.of("歐洲", "歐洲"), first.answerTexts());
    }

    @Test
    void misplacedAnswerIsKeptForScoringOnlyWithAWarning() throws IOException {
        Path file = write("""
                {"data": [{"paragraphs": [{"context": "𫚭鱼生活在红海。",
                  "qas": [
                    {"id": "q1", "question": "在哪？", "answers": [{"text": "红海", "answer_start": 5}]},
                    {"id": "q2", "question": "在哪？", "answers": [{"text": "红海", "answer_start": 1}]}
                  ]}]}]}
                """);
        ReadResult<QaExample> result = READER.readAll(file);
        assertEquals(2, result.size());
        QaExample codePoints = result.examples().get(0);
        assertEquals(List.of(new QaAnswer("红海", 6)), codePoints.trainingAnswers()); // stated as a code-point offset
        assertNull(codePoints.title());
        QaExample misplaced = result.examples().get(1);
        assertFalse(misplaced.answers().get(0).aligned());
        assertTrue(misplaced.trainingAnswers().isEmpty());
        assertEquals(List.of("红海"), misplaced.answerTexts());
        List<DataProblem> warnings = result.report().warnings();
        assertEquals(1, warnings.size());
        assertEquals(4, warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("question q2: answer \"红海\" is not at answer_start 1"),
                warnings.get(0).message());
    }

    @Test
    void malformedQuestionsAreRecordsWithLines() throws IOException {
        Path file = write("""
                {"data": [{"title": "t", "paragraphs": [{"context": "abc",
                  "qas": [
                    {"id": "q1", "question": "?", "answers": [{"text": "b", "answer_start": 1}]},
                    {"id": "q2", "answers": [{"text": "b", "answer_start": 1}]},
                    {"id": "q3", "question": "?", "answers": [{"text": "b", "answer_start": "one"}]},
                    {"id": "q4", "question": "?"}
                  ]}, {"qas": [{"id": "q5", "question": "?"}]}]}]}
                """);
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> READER.readAll(file));
        assertTrue(e.getMessage().startsWith(file + ":4: question q2: no field \"question\""), e.getMessage());
        ReadResult<QaExample> skipped = READER.readAll(file, OnBadRecord.SKIP);
        assertEquals(List.of("q1", "q4"), skipped.examples().stream().map(QaExample::id).toList());
        assertTrue(skipped.examples().get(1).answers().isEmpty());
        assertEquals(List.of(4L, 5L, 7L), skipped.report().problems().stream().map(DataProblem::line).toList());
        assertTrue(skipped.report().problems().get(2).message().contains("without a \"context\""));
    }

    @Test
    void brokenSyntaxStopsEvenWhenSkipping() throws IOException {
        Path file = write("{\"data\": [\n{\"paragraphs\": [\n{\"context\": \"a\" \"qas\": []}]}]}\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> READER.readAll(file, OnBadRecord.SKIP));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("bad JSON"), e.getMessage());
        Path notSquad = write("[1, 2]");
        assertTrue(assertThrows(MalformedDataException.class, () -> READER.readAll(notSquad)).getMessage()
                .contains("not a SQuAD file"));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "squad", ".json"), content, StandardCharsets.UTF_8);
    }
}
