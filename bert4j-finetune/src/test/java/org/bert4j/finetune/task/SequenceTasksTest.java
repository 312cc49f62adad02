package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.finetune.data.LabelSet;
import org.junit.jupiter.api.Test;

/**
 * The task a config.json describes: bert4j's own keys round-trip every kind; a config HF wrote (no bert4j keys) is
 * read by {@code problem_type}, else by the number of labels, as HF's classes read it.
 */
class SequenceTasksTest {

    private static HfConfig config(String json) {
        return new HfConfig(Path.of("config.json"), JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void bert4jConfigsRoundTripEveryKind() {
        LabelSet labels = LabelSet.inOrder(List.of("a", "b", "c"));
        for (TaskKind kind : TaskKind.values()) {
            // The tagging, span, multiple-choice and QA round trips: TokenClassifierRoundTripTest, SpanExtractionTest,
            // MultipleChoiceTrainingTest, QuestionAnsweringTest
            if (kind.tagging() || kind == TaskKind.SPANS || kind == TaskKind.MULTIPLE_CHOICE || kind == TaskKind.QUESTION_ANSWERING) continue;
            SequenceTask<?, ?, ?> task = SequenceTasks.create(kind, kind != TaskKind.MULTI_LABEL, labels);
            JsonObject json = task.config();
            SequenceTask<?, ?, ?> back = SequenceTasks.fromConfig(new HfConfig(Path.of("config.json"), json));
            assertEquals(task.config(), back.config(), kind.cliName());
            assertEquals(kind == TaskKind.CLASSIFICATION ? TaskKind.PAIR_CLASSIFICATION : kind, back.kind(),
                    "classification of pairs is pair-classification");
        }
    }

    @Test
    void hfConfigsAreReadByProblemTypeOrLabelCount() {
        String labels = "\"id2label\": {\"0\": \"NEG\", \"1\": \"POS\"}";
        assertTrue(SequenceTasks.fromConfig(config("{" + labels + "}")) instanceof SingleLabelClassification);
        assertTrue(SequenceTasks.fromConfig(config("{\"id2label\": {\"0\": \"LABEL_0\"}}")) instanceof Regression);
        SequenceTask<?, ?, ?> multi = SequenceTasks.fromConfig(config("{" + labels + ", \"problem_type\": \"multi_label_classification\"}"));
        assertTrue(multi instanceof MultiLabelClassification);
        assertFalse(multi.pairInput());
        CheckpointException e = assertThrows(CheckpointException.class, () -> SequenceTasks.fromConfig(config("{\"num_labels\": 2}")));
        assertTrue(e.getMessage().contains("id2label"), e.getMessage());
    }
}
