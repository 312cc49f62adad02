package org.bert4j.train.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trainer on the HF course's BPE example, every merge worked out by hand: pair counts (weighted by word
 * count) after each merge, ties to the lower ids, {@code ##} dropped from the right half.
 */
class WordPieceTrainerTest {

    private static final Map<String, Long> WORDS = Map.of("hug", 10L, "pug", 5L, "pun", 12L, "bun", 4L, "hugs", 5L);

    /** Specials, the alphabet by code point, then the ## forms in sorted-word order (bun, hug, hugs, pug, pun). */
    private static final List<String> INITIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "b", "g", "h", "n", "p", "s", "u", "##u", "##n", "##g", "##s");

    /**
     * ##u ##g (10+5+5 = 20), ##u ##n (4+12 = 16), h ##ug (15), p ##un (12), then a tie at 5 between hug ##s
     * (ids 18, 15) and p ##ug (ids 9, 16): the lower pair, p ##ug, goes first; then hug ##s (5), b ##un (4).
     */
    private static final List<String> MERGES = List.of("##ug", "##un", "hug", "pun", "pug", "hugs", "bun");

    @Test
    void mergesInCountOrderUntilTheVocabularyIsFull() {
        WordPieceVocabulary v = new WordPieceTrainer(21, 0, 0).train(WORDS);
        assertEquals(concat(INITIAL, MERGES.subList(0, 5)), v.tokens());
        assertEquals(7, v.alphabet());
        assertEquals(16, v.initial());
        assertEquals(5, v.merges());
    }

    @Test
    void stopsAtTheMinimumFrequency() {
        WordPieceVocabulary five = new WordPieceTrainer(1000, 5, 0).train(WORDS);
        assertEquals(concat(INITIAL, MERGES.subList(0, 6)), five.tokens(), "b ##un occurs 4 times only");
        WordPieceVocabulary all = new WordPieceTrainer(1000, 1, 0).train(WORDS);
        assertEquals(concat(INITIAL, MERGES), all.tokens(), "every word is one piece, no pair left");
    }

    @Test
    void aLimitedAlphabetKeepsTheMostFrequentCharacters() {
        // Character counts: u 36, g 20, p 17, n 16, h 15, s 5, b 4: a limit of 6 drops b; "bun" keeps ##u ##n.
        WordPieceVocabulary v = new WordPieceTrainer(16, 0, 6).train(WORDS);
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "g", "h", "n", "p", "s", "u",
                "##u", "##n", "##g", "##s", "##ug"), v.tokens());
        assertEquals(6, v.alphabet());
    }

    @Test
    void anAlphabetLargerThanTheVocabularyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WordPieceTrainer(10, 0, 0).train(WORDS));
        assertTrue(e.getMessage().contains("16 entries") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WordPieceTrainer(5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WordPieceTrainer(100, -1, 0));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
