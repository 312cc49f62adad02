package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker's verdicts on scripted score sequences: strict improvement, patience, direction, NaN. */
class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEvaluationsWithoutStrictImprovement() {
        List<EarlyStopping.Verdict> verdicts = run(EarlyStopping.start("accuracy", 2), 0.50, 0.60, 0.60, 0.55, 0.70);
        assertEquals(List.of(EarlyStopping.Verdict.IMPROVED, EarlyStopping.Verdict.IMPROVED, EarlyStopping.Verdict.NO_IMPROVEMENT,
                EarlyStopping.Verdict.STOP), verdicts, "a tie is no progress; the 0.70 is never reached");
    }

    @Test
    void lossesAreMinimisedAndNaNNeverImproves() {
        assertFalse(EarlyStopping.higherIsBetter("loss"));
        assertFalse(EarlyStopping.higherIsBetter("mse"));
        assertTrue(EarlyStopping.higherIsBetter("spearman"));
        List<EarlyStopping.Verdict> verdicts = run(EarlyStopping.start("loss", 3), Double.NaN, 0.9, 0.7, Double.NaN, 0.8, 0.69);
        assertEquals(List.of(EarlyStopping.Verdict.NO_IMPROVEMENT, EarlyStopping.Verdict.IMPROVED, EarlyStopping.Verdict.IMPROVED,
                EarlyStopping.Verdict.NO_IMPROVEMENT, EarlyStopping.Verdict.NO_IMPROVEMENT, EarlyStopping.Verdict.IMPROVED), verdicts);
    }

    @Test
    void patienceZeroNeverStopsButTracksTheBest() {
        EarlyStopping s = EarlyStopping.start("accuracy", 0);
        for (double v : new double[] {0.9, 0.1, 0.1, 0.1, 0.1}) {
            EarlyStopping.Outcome o = s.record(1, v);
            assertTrue(o.verdict() != EarlyStopping.Verdict.STOP);
            s = o.tracker();
        }
        assertEquals(0.9, s.state().best());
        assertEquals(4, s.state().evaluationsWithoutImprovement());
    }

    private static List<EarlyStopping.Verdict> run(EarlyStopping s, double... scores) {
        List<EarlyStopping.Verdict> out = new java.util.ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            EarlyStopping.Outcome o = s.record(i + 1, scores[i]);
            out.add(o.verdict());
            s = o.tracker();
            if (o.verdict() == EarlyStopping.Verdict.STOP) break;
        }
        return out;
    }
}
