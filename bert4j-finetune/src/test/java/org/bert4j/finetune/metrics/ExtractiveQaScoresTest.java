package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveQaScoresTest {

    private static final double EPS = 1e-12;

    /*
     * q1 "the Eiffel Tower" vs {"Eiffel Tower", "the tower"}: exact match with the first -> EM 1, F1 1
     * q2 "in Paris France" vs {"Paris", "Paris, France"}: no exact match
     *    vs "paris": common 1, P 1/3, R 1, F1 = (2/3) / (4/3) = 1/2
     *    vs "paris france": common 2, P 2/3, R 1, F1 = (4/3) / (5/3) = 4/5 -> best 4/5
     * q3 (Chinese gold, chosen automatically) "2008年奥运会" vs {"2008年北京奥运会"}: EM 0, F1 1/2 (see the CMRC test)
     * EM = (1 + 0 + 0) / 3 = 1/3; F1 = (1 + 4/5 + 1/2) / 3 = 2.3 / 3
     */
    @Test
    void bestOverGoldAnswersThenMeanOverQuestions() {
        ExtractiveQaScores scores = ExtractiveQaScores.of(
                List.of("the Eiffel Tower", "in Paris France", "2008年奥运会"),
                List.of(List.of("Eiffel Tower", "the tower"), List.of("Paris", "Paris, France"), List.of("2008年北京奥运会")),
                AnswerLanguage.AUTO);
        assertEquals(1.0 / 3, scores.exactMatch(), EPS);
        assertEquals(2.3 / 3, scores.f1(), EPS);
        assertEquals(3, scores.questions());
        assertEquals("exact_match: 0.3333\nf1: 0.7667", scores.toResult().render());
    }

    /** The English rules see "2008年奥运会" as one token that differs from the gold's one token: F1 0. */
    @Test
    void forcingEnglishOnChineseLosesThePartialCredit() {
        List<List<String>> gold = List.of(List.of("2008年北京奥运会"));
        assertEquals(0.0, ExtractiveQaScores.of(List.of("2008年奥运会"), gold, AnswerLanguage.ENGLISH).f1());
        assertEquals(0.5, ExtractiveQaScores.of(List.of("2008年奥运会"), gold, AnswerLanguage.CHINESE).f1(), EPS);
    }

    @Test
    void autoDecidesByTheGoldAnswersOnly() {
        assertEquals(Cmrc2018AnswerScorer.INSTANCE, AnswerLanguage.AUTO.scorerFor(List.of("NBA", "NBA联赛")));
        assertEquals(SquadAnswerScorer.INSTANCE, AnswerLanguage.AUTO.scorerFor(List.of("NBA")));
        // Traditional script (DRCD) is Han as well
        assertEquals(Cmrc2018AnswerScorer.INSTANCE, AnswerLanguage.AUTO.scorerFor(List.of("臺灣")));
    }

    @Test
    void aQuestionWithoutGoldAnswersIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> ExtractiveQaScores.of(List.of("x"), List.of(List.of()), AnswerLanguage.AUTO));
        assertThrows(IllegalArgumentException.class,
                () -> ExtractiveQaScores.of(List.of(), List.of(), AnswerLanguage.AUTO));
    }
}
