package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bert4j.finetune.data.EntitySpan;
import org.junit.jupiter.api.Test;

class EntityScoresTest {

    private static final double EPS = 1e-12;

    private static List<String> tags(String s) {
        return Arrays.asList(s.split(" "));
    }

    /*
     * sentence 1 gold PER[0,2) LOC[3,4)   pred PER[0,2)
     * sentence 2 gold ORG[0,3)            pred ORG[0,2) PER[3,4)   (ORG boundary off by one: no credit)
     * PER: tp 1, fp 1, fn 0 -> P 1/2, R 1, F1 2/3
     * LOC: fn 1 -> 0;  ORG: fp 1, fn 1 -> 0
     * overall tp 1, fp 2, fn 2 -> P 1/3, R 1/3, F1 1/3;  macro F1 = (2/3 + 0 + 0) / 3 = 2/9
     */
    @Test
    void exactBoundaryAndTypeMicroAndPerType() {
        EntityScores scores = EntityScores.fromTags(
                List.of(tags("B-PER I-PER O B-LOC"), tags("B-ORG I-ORG I-ORG O")),
                List.of(tags("B-PER I-PER O O"), tags("B-ORG I-ORG O B-PER")),
                TagScheme.IOB2);
        assertEquals(new DecisionCounts(1, 1, 0), scores.counts("PER"));
        assertEquals(new DecisionCounts(0, 1, 1), scores.counts("ORG"));
        assertEquals(new DecisionCounts(1, 2, 2), scores.overall());
        assertEquals(1.0 / 3, scores.precision(), EPS);
        assertEquals(1.0 / 3, scores.recall(), EPS);
        assertEquals(1.0 / 3, scores.f1(), EPS);
        assertEquals(2.0 / 9, scores.macroF1(), EPS);
        assertEquals(List.of("precision: 0.3333", "recall: 0.3333", "f1: 0.3333", "macro_f1: 0.2222",
                "f1.LOC: 0.0000", "f1.ORG: 0.0000", "f1.PER: 0.6667"), scores.toResult().lines());
    }

    /*
     * CLUENER-style nested spans, given directly:
     * sentence 0 gold {organization[0,4), address[0,2)}  pred {organization[0,4), address[0,3) twice}
     *   organization tp 1; address: pred [0,3) fp 1 (the duplicate counts once), gold [0,2) fn 1
     * sentence 1 gold {name[0,2)}  pred {}            -> name fn 1
     * sentence 2 gold {}           pred {name[0,2)}   -> name fp 1 (same span, other sentence: no match)
     * overall tp 1, fp 2, fn 2 -> F1 2/(2+2+2) = 1/3; precision 1/3, recall 1/3
     */
    @Test
    void spansMayNestAndMatchOnlyWithinTheirSentence() {
        EntitySpan org = new EntitySpan("organization", 0, 4), addr = new EntitySpan("address", 0, 2);
        EntitySpan wideAddr = new EntitySpan("address", 0, 3), name = new EntitySpan("name", 0, 2);
        EntityScores scores = EntityScores.fromSpans(
                List.of(Set.of(org, addr), Set.of(name), Set.of()),
                List.of(List.of(org, wideAddr, wideAddr), List.of(), List.of(name)));
        assertEquals(new DecisionCounts(1, 0, 0), scores.counts("organization"));
        assertEquals(new DecisionCounts(0, 1, 1), scores.counts("address"));
        assertEquals(new DecisionCounts(0, 1, 1), scores.counts("name"));
        assertEquals(1.0 / 3, scores.f1(), EPS);
    }

    @Test
    void bmesSentenceScoredEndToEnd() {
        // gold NAME[0,3) ORG[4,5); pred NAME[0,3) ORG[4,6): 1 of 2 right each way -> P = R = F1 = 1/2
        EntityScores scores = EntityScores.fromTags(
                List.of(tags("B-NAME M-NAME E-NAME O S-ORG O")),
                List.of(tags("B-NAME M-NAME E-NAME O B-ORG E-ORG")),
                TagScheme.BMES);
        assertEquals(0.5, scores.f1(), EPS);
        assertEquals(1.0, scores.counts("NAME").f1(), EPS);
    }

    @Test
    void noEntitiesAnywhereScoresZeroAndMisalignedTagsThrow() {
        EntityScores none = EntityScores.fromTags(List.of(tags("O O")), List.of(tags("O O")), TagScheme.IOB2);
        assertEquals(0.0, none.f1());
        assertEquals(0.0, none.macroF1());
        assertThrows(IllegalArgumentException.class,
                () -> EntityScores.fromTags(List.of(tags("O O")), List.of(tags("O")), TagScheme.IOB2));
    }

    @Test
    void rendersOneRowPerTypeAndTheAverages() {
        EntityScores scores = EntityScores.fromSpans(List.of(Set.of(new EntitySpan("PER", 0, 1))),
                List.of(Set.of(new EntitySpan("PER", 0, 1), new EntitySpan("LOC", 2, 3))));
        String[] lines = scores.render().split("\n");
        // LOC: fp 1 -> 0 0 0, support 0; PER: tp 1 -> 1 1 1, support 1
        assertEquals(List.of("LOC", "0.0000", "0.0000", "0.0000", "0"), List.of(lines[1].trim().split(" +")));
        assertEquals(List.of("PER", "1.0000", "1.0000", "1.0000", "1"), List.of(lines[2].trim().split(" +")));
        // micro: tp 1, fp 1 -> P 1/2, R 1, F1 2/3
        assertEquals(List.of("micro", "avg", "0.5000", "1.0000", "0.6667", "1"), List.of(lines[3].trim().split(" +")));
    }
}
