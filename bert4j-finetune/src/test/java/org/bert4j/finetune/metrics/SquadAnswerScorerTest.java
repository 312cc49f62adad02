package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SquadAnswerScorerTest {

    private static final SquadAnswerScorer SQUAD = SquadAnswerScorer.INSTANCE;
    private static final double EPS = 1e-12;

    @Test
    void normalisationLowercasesDropsPunctuationArticlesAndExtraSpace() {
        // "the  eiffel tower!" -> no punctuation -> "the" becomes a space -> whitespace collapsed
        assertEquals("eiffel tower", SquadAnswerScorer.normalize("The  Eiffel Tower!"));
        // only whole words are articles
        assertEquals("another theater", SquadAnswerScorer.normalize("another theater"));
        // punctuation goes first, so "A-Team" becomes "ateam" and is not an article
        assertEquals("ateam", SquadAnswerScorer.normalize("A-Team"));
        assertEquals("rock n roll", SquadAnswerScorer.normalize("rock 'n' roll"));
        // Python's str.split() also splits at a non-breaking space
        assertEquals("eiffel tower", SquadAnswerScorer.normalize("Eiffel\u00A0Tower"));
    }

    @Test
    void exactMatchAfterNormalisation() {
        assertTrue(SQUAD.exactMatch("the Eiffel Tower", "Eiffel tower."));
        assertTrue(SQUAD.exactMatch("an apple", "Apple"));
        assertFalse(SQUAD.exactMatch("apples", "apple"));
    }

    /*
     * "the cat sat on the mat" -> cat sat on mat (4 tokens); "a cat on a mat" -> cat on mat (3 tokens)
     * common 3: P = 3/4, R = 3/3, F1 = 2 * 3/4 * 1 / (7/4) = 6/7
     */
    @Test
    void tokenF1IgnoresArticles() {
        assertEquals(6.0 / 7, SQUAD.f1("the cat sat on the mat", "a cat on a mat"), EPS);
    }

    /* "new york new york" vs "new york": common = min(2,1) + min(2,1) = 2, P = 2/4, R = 2/2, F1 = 2/3 */
    @Test
    void tokenF1CountsRepeatedTokensAsABag() {
        assertEquals(2.0 / 3, SQUAD.f1("New York, New York", "New York"), EPS);
        assertEquals(0.0, SQUAD.f1("Berlin", "Paris"));
    }

    /** v1.1 semantics: two answers that normalise to nothing match exactly but share no token, F1 0. */
    @Test
    void emptyAfterNormalisationIsAnExactMatchWithF1Zero() {
        assertTrue(SQUAD.exactMatch("The", "a"));
        assertEquals(0.0, SQUAD.f1("The", "a"));
        assertEquals(0.0, SQUAD.f1("", "Paris"));
    }
}
