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

/** Tag ids with "O" first, from CoNLL-2003 and from data that never uses "O". */
class TagSetTest {

    @TempDir Path tmp;

    @Test
    void conll2003TagsWithOutsideFirst() {
        ReadResult<TaggedSequence> dev = new CoNllReader().readAll(SharedData.data("en/ner/conll2003/dev.txt"));
        LabelSet tags = TagSet.fromTraining(dev.examples());
        assertEquals(List.of("O", "B-LOC", "B-MISC", "B-ORG", "B-PER", "I-LOC", "I-MISC", "I-ORG", "I-PER"), tags.labels());
        assertEquals(0, tags.id(TagSet.OUTSIDE));
    }

    @Test
    void outsideIsAddedWhenAbsentAndUnknownTagsAreLocated() throws IOException {
        LabelSet tags = TagSet.of(List.of("S-PER", "B-LOC", "E-LOC"));
        assertEquals(List.of("O", "B-LOC", "E-LOC", "S-PER"), tags.labels());
        Path dev = Files.writeString(tmp.resolve("dev.bmes"), "甲\tS-PER\n乙 丙\tB-ORG E-ORG\n", StandardCharsets.UTF_8);
        ReadResult<TaggedSequence> data = new LineTaggingReader().readAll(dev);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> tags.requireAllKnown(data, TaggedSequence::tags));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("label \"B-ORG\""), e.getMessage());
    }
}
