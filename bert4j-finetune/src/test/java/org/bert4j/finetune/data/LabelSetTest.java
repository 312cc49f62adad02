package org.bert4j.finetune.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label ids: a fixed order from training data, the Hugging Face JSON form, and unknown labels in dev data. */
class LabelSetTest {

    @TempDir Path tmp;

    @Test
    void integerLabelsSortNumericallyOthersAsStrings() {
        assertEquals(List.of("0", "1", "2", "10"), LabelSet.of(List.of("10", "1", "2", "0", "1")).labels());
        assertEquals(List.of("contradiction", "entailment", "neutral"),
                LabelSet.of(List.of("neutral", "entailment", "contradiction")).labels());
        assertEquals(List.of("1", "10", "2", "x"), LabelSet.of(List.of("x", "10", "2", "1")).labels());
        assertEquals(List.of("z", "a"), LabelSet.inOrder(List.of("z", "a")).labels());
    }

    @Test
    void afqmcLabelsMapToThemselves() {
        ReadResult<TextPairExample> train = DelimitedTextReader.pairs(DelimitedFormat.TSV, Column.at(0), Column.at(1),
                Column.at(2)).readAll(SharedData.data("zh/pairs/afqmc/dev.txt"));
        LabelSet labels = LabelSet.fromTraining(train, TextPairExample::label);
        assertEquals(0, labels.id("0"));
        assertEquals(1, labels.id("1"));
        assertEquals("1", labels.label(1));
    }

    @Test
    void roundTripsThroughTheHuggingFaceForm() {
        LabelSet labels = LabelSet.of(List.of("neg", "pos"));
        JsonObject json = labels.toJson();
        assertEquals("pos", json.getAsJsonObject("id2label").get("1").getAsString());
        assertEquals(0, json.getAsJsonObject("label2id").get("neg").getAsInt());
        Path file = tmp.resolve("labels.json");
        labels.write(file);
        assertEquals(labels, LabelSet.read(file));
    }

    @Test
    void readsAModelConfigAndRejectsInconsistentMaps() throws IOException {
        JsonObject config = JsonParser.parseString("""
                {"hidden_size": 8, "id2label": {"1": "b", "0": "a"}, "label2id": {"a": 0, "b": 1}}
                """).getAsJsonObject();
        assertEquals(List.of("a", "b"), LabelSet.fromJson(config).labels());
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"id2label\": {\"0\": \"a\", \"1\": \"b\"}, \"label2id\": {\"a\": 1, \"b\": 0}}",
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelSet.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": label2id"), e.getMessage());
        JsonObject gap = JsonParser.parseString("{\"id2label\": {\"0\": \"a\", \"2\": \"b\"}}").getAsJsonObject();
        assertThrows(IllegalArgumentException.class, () -> LabelSet.fromJson(gap));
    }

    @Test
    void aDevLabelTheTrainingDataLackedNamesFileLineAndLabel() throws IOException {
        LabelSet labels = LabelSet.of(List.of("0", "1"));
        Path dev = Files.writeString(tmp.resolve("dev.tsv"), "a\tb\t1\nc\td\t2\n", StandardCharsets.UTF_8);
        ReadResult<TextPairExample> data = DelimitedTextReader.pairs(DelimitedFormat.TSV, Column.at(0), Column.at(1),
                Column.at(2)).readAll(dev);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> labels.requireKnown(data, TextPairExample::label));
        assertEquals(dev + ":2: label \"2\" does not occur in the training data (known labels: [0, 1])", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> labels.id("2"));
    }
}
