package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.bert4j.finetune.data.EntitySpan;
import org.junit.jupiter.api.Test;

class EntityTagDecoderTest {

    private static List<EntitySpan> decode(TagScheme scheme, String tags) {
        return EntityTagDecoder.decode(Arrays.asList(tags.split(" ")), scheme);
    }

    private static EntitySpan span(String type, int start, int end) {
        return new EntitySpan(type, start, end);
    }

    @Test
    void iob2EntityAtTheEndOfTheSentenceIsClosed() {
        assertEquals(List.of(span("PER", 0, 2), span("LOC", 3, 4)), decode(TagScheme.IOB2, "B-PER I-PER O B-LOC"));
        assertEquals(List.of(span("ORG", 1, 4)), decode(TagScheme.IOB2, "O B-ORG I-ORG I-ORG"));
    }

    @Test
    void anInsideTagAfterOutsideStartsAnEntity() {
        // conlleval / seqeval default: I-PER after O is the start of a PER, not dropped
        assertEquals(List.of(span("PER", 1, 3)), decode(TagScheme.IOB2, "O I-PER I-PER O"));
    }

    @Test
    void aTypeChangeMidEntityEndsOneAndStartsAnother() {
        assertEquals(List.of(span("PER", 0, 2), span("LOC", 2, 3)), decode(TagScheme.IOB2, "B-PER I-PER I-LOC O"));
        // B of the same type right after an entity: two adjacent entities
        assertEquals(List.of(span("PER", 0, 2), span("PER", 2, 3)), decode(TagScheme.IOB2, "B-PER I-PER B-PER"));
    }

    @Test
    void iob1UsesBeginOnlyBetweenTwoEntitiesOfOneType() {
        // I-PER I-PER | B-PER | O | I-LOC at the end
        assertEquals(List.of(span("PER", 0, 2), span("PER", 2, 3), span("LOC", 4, 5)),
                decode(TagScheme.IOB1, "I-PER I-PER B-PER O I-LOC"));
    }

    @Test
    void iobesSingletonsAndEnds() {
        // S-PER | B-LOC I-LOC E-LOC | S-LOC | O | B-ORG E-ORG (at the end)
        assertEquals(List.of(span("PER", 0, 1), span("LOC", 1, 4), span("LOC", 4, 5), span("ORG", 6, 8)),
                decode(TagScheme.IOBES, "S-PER B-LOC I-LOC E-LOC S-LOC O B-ORG E-ORG"));
        // an E closes; the E after it opens a new one: [0,2) and [2,3)
        assertEquals(List.of(span("X", 0, 2), span("X", 2, 3)), decode(TagScheme.IOBES, "B-X E-X E-X"));
        // BILOU spells S and E as U and L
        assertEquals(List.of(span("PER", 0, 1), span("LOC", 1, 3)), decode(TagScheme.BILOU, "U-PER B-LOC L-LOC"));
    }

    @Test
    void bmesAsInTheResumeData() {
        // 高 勇 ： 男 … from resume/train.char.bmes, then M-runs, S- singleton and an entity ending the sentence
        assertEquals(List.of(span("NAME", 0, 2)), decode(TagScheme.BMES, "B-NAME E-NAME O O"));
        assertEquals(List.of(span("NAME", 0, 3), span("ORG", 4, 5), span("EDU", 5, 7)),
                decode(TagScheme.BMES, "B-NAME M-NAME E-NAME O S-ORG B-EDU E-EDU"));
        // unterminated B M at the end is still an entity (lenient mode)
        assertEquals(List.of(span("ORG", 1, 3)), decode(TagScheme.BMES, "O B-ORG M-ORG"));
        // S directly followed by M of the same type: S closes, M opens a new entity
        assertEquals(List.of(span("ORG", 0, 1), span("ORG", 1, 3)), decode(TagScheme.BMES, "S-ORG M-ORG E-ORG"));
    }

    @Test
    void untypedTagsAndEmptySentences() {
        assertEquals(List.of(span(EntityTagDecoder.UNTYPED, 0, 2)), decode(TagScheme.IOB2, "B I O"));
        assertEquals(List.of(), decode(TagScheme.IOB2, "O O O"));
        assertEquals(List.of(), EntityTagDecoder.decode(List.of(), TagScheme.IOB2));
    }

    @Test
    void tagsOutsideTheSchemeAreRejectedWithTheirPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decode(TagScheme.IOB2, "B-ORG M-ORG E-ORG"));
        assertEquals(true, e.getMessage().contains("'M-ORG' at position 1"), e.getMessage());
        for (String bad : List.of("X-PER", "B-", "BPER", "O-PER", "")) {
            assertThrows(IllegalArgumentException.class, () -> EntityTagDecoder.decode(List.of(bad), TagScheme.IOBES), bad);
        }
    }
}
