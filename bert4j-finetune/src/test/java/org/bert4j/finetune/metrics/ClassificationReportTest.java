package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static final double EPS = 1e-12;

    /*
     * gold: 0 0 0 1 1 2 2 2
     * pred: 0 0 1 1 2 2 2 3      (class 3 is only ever predicted)
     * class 0: tp 2, fp 0, fn 1 -> P 1,   R 2/3, F1 2*2/(4+0+1) = 4/5
     * class 1: tp 1, fp 1, fn 1 -> P 1/2, R 1/2, F1 2/(2+1+1)   = 1/2
     * class 2: tp 2, fp 1, fn 1 -> P 2/3, R 2/3, F1 4/(4+1+1)   = 2/3
     * class 3: tp 0, fp 1, fn 0 -> P 0,   R 0,   F1 0, support 0
     * macro F1 = (4/5 + 1/2 + 2/3 + 0) / 4 = (24 + 15 + 20) / 30 / 4 = 59/120
     * macro P  = (1 + 1/2 + 2/3 + 0) / 4 = 13/24;  macro R = (2/3 + 1/2 + 2/3 + 0) / 4 = 11/24
     * accuracy = 5/8; micro F1 = 2*5 / (10 + 3 + 3) = 5/8 as well
     * weighted F1 = (3*4/5 + 2*1/2 + 3*2/3 + 0*0) / 8 = 5.4 / 8 = 0.675
     */
    private static final int[] GOLD = {0, 0, 0, 1, 1, 2, 2, 2};
    private static final int[] PRED = {0, 0, 1, 1, 2, 2, 2, 3};

    @Test
    void perClassScoresOfAMultiClassExample() {
        ClassificationReport report = ClassificationReport.singleLabel(GOLD, PRED);
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(report.perClass().keySet()));
        assertEquals(new DecisionCounts(2, 0, 1), report.counts(0));
        assertEquals(2.0 / 3, report.counts(0).recall(), EPS);
        assertEquals(0.8, report.counts(0).f1(), EPS);
        assertEquals(0.5, report.counts(1).f1(), EPS);
        assertEquals(2.0 / 3, report.counts(2).precision(), EPS);
        assertEquals(0, report.counts(3).f1(), EPS);
        assertEquals(0, report.counts(3).support());
    }

    @Test
    void macroAveragesCountAPredictedOnlyClassAndMicroF1EqualsAccuracy() {
        ClassificationReport report = ClassificationReport.singleLabel(GOLD, PRED);
        assertEquals(59.0 / 120, report.macroF1(), EPS);
        assertEquals(13.0 / 24, report.macroPrecision(), EPS);
        assertEquals(11.0 / 24, report.macroRecall(), EPS);
        assertEquals(5.0 / 8, report.accuracy(), EPS);
        assertEquals(5.0 / 8, report.microF1(), EPS);
        assertEquals(0.675, report.weightedF1(), EPS);
        assertEquals(List.of("accuracy: 0.6250", "macro_precision: 0.5417", "macro_recall: 0.4583",
                "macro_f1: 0.4917", "micro_f1: 0.6250", "weighted_f1: 0.6750"), report.toResult().lines());
    }

    /*
     * gold: {0,1}  {1}    {}  {2}
     * pred: {0}    {1,2}  {}  {2}
     * class 0: tp 1          -> F1 1
     * class 1: tp 1, fn 1    -> F1 2/(2+0+1) = 2/3
     * class 2: tp 1, fp 1    -> F1 2/(2+1+0) = 2/3
     * micro: tp 3, fp 1, fn 1 -> P 3/4, R 3/4, F1 6/8 = 3/4
     * macro F1 = (1 + 2/3 + 2/3) / 3 = 7/9
     * subset accuracy: examples 3 and 4 exactly right -> 2/4
     */
    @Test
    void multiLabelCountsEveryExampleLabelDecision() {
        ClassificationReport report = ClassificationReport.multiLabel(
                List.of(Set.of(0, 1), Set.of(1), Set.of(), Set.of(2)),
                List.of(Set.of(0), Set.of(1, 2), Set.of(), Set.of(2)));
        assertEquals(new DecisionCounts(3, 1, 1), report.pooled());
        assertEquals(0.75, report.microF1(), EPS);
        assertEquals(7.0 / 9, report.macroF1(), EPS);
        assertEquals(0.5, report.accuracy(), EPS);
        assertEquals(new DecisionCounts(1, 0, 1), report.counts(1));
    }

    @Test
    void rendersATableWithNamedClassesAndAverages() {
        List<String> names = List.of("neg", "neu", "pos", "junk");
        String table = ClassificationReport.singleLabel(GOLD, PRED).render(names::get);
        String[] lines = table.split("\n");
        assertEquals(1 + 4 + 3, lines.length);
        assertTrue(lines[0].startsWith("label") && lines[0].endsWith("support"), lines[0]);
        assertEquals(List.of("neg", "1.0000", "0.6667", "0.8000", "3"), List.of(lines[1].trim().split(" +")));
        assertEquals(List.of("macro", "avg", "0.5417", "0.4583", "0.4917", "8"), List.of(lines[6].trim().split(" +")));
        assertTrue(table.lines().allMatch(l -> l.length() == lines[0].length()), table);
    }
}
