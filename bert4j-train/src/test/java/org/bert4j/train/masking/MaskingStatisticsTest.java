package org.bert4j.train.masking;

import static org.bert4j.train.masking.TestSequences.MASK;
import static org.bert4j.train.masking.TestSequences.SPECIALS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.bert4j.train.data.TrainingSequence;
import org.junit.jupiter.api.Test;

/**
 * Distributions over many seeded draws, each against its exact expected value with a bound of {@value #Z}
 * standard errors (binomial or sample-mean): a correct implementation passes with probability above 1 − 1e-6
 * per check, while the errors these tests exist for (a 90/0/10 split, an off-by-one replacement range, p(n) ∝ 1
 * instead of 1/n, an unclipped geometric) move the statistic by dozens of standard errors.
 */
class MaskingStatisticsTest {

    private static final double Z = 5;

    @Test
    void chosenTokensSplitEightyTenTen() {
        int vocab = 1000;
        MaskingPolicy policy = TestSequences.bertPolicy(vocab);
        TrainingSequence s = TestSequences.of(vocab, TestSequences.repeat(400, 1));
        Masker masker = new TokenMasking().masker(policy);
        long masked = 0, unchanged = 0, replaced = 0;
        for (int draw = 0; draw < 1000; draw++) {
            MaskedSequence m = masker.mask(s, new SplittableRandom(draw));
            for (int p : m.maskedPositions()) {
                int input = m.inputIds()[p];
                if (input == MASK) masked++;
                else if (input == s.ids()[p]) unchanged++;
                else replaced++;
            }
        }
        long n = masked + unchanged + replaced;
        assertEquals(1000L * 60, n, "budget round(0.15 × 400) = 60 per draw");
        // A random replacement equals the original with probability 1/(vocab − specials).
        double sameByChance = 0.1 / (vocab - SPECIALS.size());
        assertProportion("[MASK]", 0.8, masked, n);
        assertProportion("random", 0.1 - sameByChance, replaced, n);
        assertProportion("unchanged", 0.1 + sameByChance, unchanged, n);
    }

    @Test
    void randomReplacementsAreUniformOverNonSpecialIds() {
        int vocab = 25; // ids 5..24 may be drawn: 20 cells
        MaskingPolicy allRandom = new MaskingPolicy(0.5, 0.0, 1.0, MASK, vocab, SPECIALS);
        TrainingSequence s = TestSequences.of(vocab, TestSequences.repeat(200, 1));
        Masker masker = new TokenMasking().masker(allRandom);
        long[] counts = new long[vocab];
        long n = 0;
        for (int draw = 0; draw < 400; draw++) {
            MaskedSequence m = masker.mask(s, new SplittableRandom(draw));
            for (int p : m.maskedPositions()) {
                int id = m.inputIds()[p];
                assertFalse(SPECIALS.contains(id), "special token " + id + " used as a random replacement");
                counts[id]++;
                n++;
            }
        }
        int cells = vocab - SPECIALS.size();
        double expected = (double) n / cells;
        double chiSquare = 0;
        for (int id = TestSequences.FIRST_WORD_ID; id < vocab; id++) {
            chiSquare += (counts[id] - expected) * (counts[id] - expected) / expected;
        }
        // χ² with 19 degrees of freedom: mean 19, sd √38 ≈ 6.2; P(χ² > 60) ≈ 3e-6. A missing id alone adds n/20.
        assertTrue(chiSquare < 60, "replacements not uniform: χ² = " + chiSquare + " over " + n);
    }

    @Test
    void ngramLengthsAreProportionalToOneOverN() {
        long[] counts = new long[4];
        for (MaskingUnit u : allUnits(new NgramMasking(), 200)) counts[u.words()]++;
        long n = counts[1] + counts[2] + counts[3];
        assertProportion("1-grams", 6.0 / 11, counts[1], n);
        assertProportion("2-grams", 3.0 / 11, counts[2], n);
        assertProportion("3-grams", 2.0 / 11, counts[3], n);
    }

    @Test
    void spanLengthsFollowTheClippedGeometric() {
        double p = 0.2;
        int max = 10;
        double mass = 0, mean = 0, meanSquare = 0;
        for (int l = 1; l <= max; l++) {
            double w = p * Math.pow(1 - p, l - 1);
            mass += w;
            mean += l * w;
            meanSquare += (double) l * l * w;
        }
        mean /= mass;
        double variance = meanSquare / mass - mean * mean;
        assertEquals(3.8, mean, 0.01, "SpanBERT reports a mean span of 3.8 words");
        long n = 0, ones = 0;
        double sum = 0;
        for (MaskingUnit u : allUnits(new SpanMasking(), 200)) {
            assertTrue(u.words() >= 1 && u.words() <= max, "span of " + u.words() + " words");
            sum += u.words();
            if (u.words() == 1) ones++;
            n++;
        }
        double observed = sum / n;
        double bound = Z * Math.sqrt(variance / n);
        assertTrue(Math.abs(observed - mean) < bound, "mean span " + observed + " vs " + mean + " ± " + bound);
        assertProportion("1-word spans", p / mass, ones, n);
    }

    /**
     * Every unit of many draws at rate 1 (the whole sequence is chosen, so no unit is shortened by the budget) on
     * one run of 3,000 words of 1–3 tokens; the unit at the run's end is left out because the run cuts it.
     */
    private static List<MaskingUnit> allUnits(MaskingStrategy strategy, int draws) {
        int vocab = 1000;
        TrainingSequence s = TestSequences.of(vocab, TestSequences.randomWordLengths(3000, 3, 5));
        int runEnd = s.length() - 1; // the final [SEP]
        BudgetedMasker masker = new BudgetedMasker(strategy, new MaskingPolicy(1.0, 0.8, 0.1, MASK, vocab, Set.of()));
        List<MaskingUnit> units = new java.util.ArrayList<>();
        for (int draw = 0; draw < draws; draw++) {
            List<MaskingUnit> chosen = masker.chooseUnits(s, new SplittableRandom(draw));
            assertEquals(TestSequences.maskableCount(s), chosen.stream().mapToInt(MaskingUnit::tokens).sum());
            for (MaskingUnit u : chosen) if (u.end() != runEnd) units.add(u);
        }
        return units;
    }

    private static void assertProportion(String what, double p, long hits, long n) {
        double observed = (double) hits / n;
        double bound = Z * Math.sqrt(p * (1 - p) / n);
        assertTrue(Math.abs(observed - p) < bound,
                what + ": " + observed + " vs expected " + p + " ± " + bound + " (" + hits + " of " + n + ")");
    }
}
