package org.bert4j.train.masking;

import static org.bert4j.train.masking.TestSequences.MASK;
import static org.bert4j.train.masking.TestSequences.SPECIALS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bert4j.train.data.TrainingSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every strategy guarantees on every draw, checked draw by draw on sequences of known word structure. */
class MaskerTest {

    private static final int VOCAB = 1000;
    private static final int MAX_WORD = 4;
    private static final int[] FIRST = TestSequences.randomWordLengths(150, MAX_WORD, 1);
    private static final int[] SECOND = TestSequences.randomWordLengths(120, MAX_WORD, 2);

    @ParameterizedTest
    @ValueSource(strings = {"token", "whole_word", "ngram", "span"})
    void aSeedFixesTheMask(String strategy) {
        Masker masker = MaskingStrategy.named(strategy).masker(TestSequences.bertPolicy(VOCAB));
        TrainingSequence s = TestSequences.of(VOCAB, FIRST, SECOND);
        MaskedSequence a = masker.mask(s, new SplittableRandom(42));
        MaskedSequence b = masker.mask(s, new SplittableRandom(42));
        assertArrayEquals(a.inputIds(), b.inputIds());
        assertArrayEquals(a.maskedPositions(), b.maskedPositions());
        assertArrayEquals(a.maskedLabels(), b.maskedLabels());
        MaskedSequence other = masker.mask(s, new SplittableRandom(43));
        assertFalse(Arrays.equals(a.maskedPositions(), other.maskedPositions()), "another seed, another mask");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "whole_word", "ngram", "span"})
    void everyDrawKeepsTheInvariants(String strategy) {
        MaskingStrategy kind = MaskingStrategy.named(strategy);
        MaskingPolicy policy = TestSequences.bertPolicy(VOCAB);
        Masker masker = kind.masker(policy);
        TrainingSequence s = TestSequences.of(VOCAB, FIRST, SECOND);
        int budget = policy.budget(TestSequences.maskableCount(s));
        for (int draw = 0; draw < 300; draw++) {
            MaskedSequence m = masker.mask(s, new SplittableRandom(draw));
            boolean[] chosen = chosenPositions(s, m);
            int count = m.maskedPositions().length;
            assertTrue(count <= budget, "never over the budget: " + count + " > " + budget);
            // A unit is skipped only when not even its first word fits, so the shortfall is under one word.
            int shortfall = kind.wholeWords() ? MAX_WORD - 1 : 0;
            assertTrue(budget - count <= shortfall, strategy + " stopped short: " + count + " of " + budget);
            if (kind.wholeWords()) assertWholeWords(s, chosen);
            assertArrayEquals(s.typeIds(), m.typeIds());
            assertEquals(s.pairLabel(), m.pairLabel());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "whole_word", "ngram", "span"})
    void singleTokenWordsMeetTheBudgetExactly(String strategy) {
        Masker masker = MaskingStrategy.named(strategy).masker(TestSequences.bertPolicy(VOCAB));
        for (int words : new int[] {1, 7, 10, 126, 510}) {
            TrainingSequence s = TestSequences.of(VOCAB, TestSequences.repeat(words, 1));
            int expected = TestSequences.bertPolicy(VOCAB).budget(words);
            for (int draw = 0; draw < 20; draw++) {
                assertEquals(expected, masker.mask(s, new SplittableRandom(draw)).maskedPositions().length, words + " words");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "whole_word", "ngram", "span"})
    void nothingMaskableGivesNoPositions(String strategy) {
        Masker masker = MaskingStrategy.named(strategy).masker(TestSequences.bertPolicy(VOCAB));
        for (TrainingSequence s : new TrainingSequence[] {TestSequences.of(VOCAB, new int[0]),
                TestSequences.of(VOCAB, new int[0], new int[0])}) {
            MaskedSequence m = masker.mask(s, new SplittableRandom(7));
            assertEquals(0, m.maskedPositions().length);
            assertEquals(0, m.maskedLabels().length);
            assertArrayEquals(s.ids(), m.inputIds());
        }
    }

    @Test
    void aWordLongerThanTheBudgetIsStillMaskedWhole() {
        // 5 maskable tokens → budget round(0.75) = 1; whole-word masking takes the one word whole (documented excess).
        TrainingSequence s = TestSequences.of(VOCAB, new int[] {5});
        MaskingPolicy policy = TestSequences.bertPolicy(VOCAB);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5},
                new WholeWordMasking().masker(policy).mask(s, new SplittableRandom(0)).maskedPositions());
        assertEquals(1, new TokenMasking().masker(policy).mask(s, new SplittableRandom(0)).maskedPositions().length);
    }

    @Test
    void strategiesAreNamedAsInRunFiles() {
        assertInstanceOf(TokenMasking.class, MaskingStrategy.named("token"));
        assertInstanceOf(WholeWordMasking.class, MaskingStrategy.named("whole_word"));
        assertEquals(new NgramMasking(3), MaskingStrategy.named("ngram"));
        assertEquals(new SpanMasking(0.2, 10), MaskingStrategy.named("span"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaskingStrategy.named("wwm"));
        assertTrue(e.getMessage().contains("'wwm'") && e.getMessage().contains("whole_word"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NgramMasking(0));
        assertThrows(IllegalArgumentException.class, () -> new SpanMasking(0, 10));
    }

    /** Checks positions, labels and corrupted inputs, and returns which positions were chosen. */
    private static boolean[] chosenPositions(TrainingSequence s, MaskedSequence m) {
        boolean[] chosen = new boolean[s.length()];
        int previous = -1;
        for (int k = 0; k < m.maskedPositions().length; k++) {
            int p = m.maskedPositions()[k];
            assertTrue(p > previous, "positions strictly ascending");
            assertTrue(s.maskable()[p], "position " + p + " is not maskable");
            assertEquals(s.ids()[p], m.maskedLabels()[k], "label is the original token");
            int input = m.inputIds()[p];
            assertTrue(input == MASK || !SPECIALS.contains(input), "a chosen token became special " + input);
            chosen[p] = true;
            previous = p;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!chosen[i]) assertEquals(s.ids()[i], m.inputIds()[i], "position " + i + " was not chosen but changed");
        }
        return chosen;
    }

    private static void assertWholeWords(TrainingSequence s, boolean[] chosen) {
        for (int i = 1; i < s.length(); i++) {
            if (s.maskable()[i] && !s.wordStarts()[i]) {
                assertEquals(chosen[i - 1], chosen[i], "word split at position " + i);
            }
        }
    }
}
