package org.bert4j.finetune.metrics;

import java.util.List;

/**
 * Which answer comparison a QA question is scored with: {@link #ENGLISH} (SQuAD v1.1), {@link #CHINESE}
 * (CMRC 2018), or {@link #AUTO}, which decides per question.
 *
 * <p>AUTO picks Chinese when any of the question's <em>gold</em> answers contains a Han character (Unicode script
 * Han, so Traditional-script DRCD and rare characters count too), English otherwise. The prediction is not
 * consulted, so a model cannot change the rules it is judged by through what it outputs. The English rules
 * applied to Chinese would be wrong, not merely different: without spaces the whole answer is one token, so F1
 * would collapse to exact match.
 */
public enum AnswerLanguage {
    AUTO,
    ENGLISH,
    CHINESE;

    /** The scorer for a question with these gold answers. */
    public AnswerScorer scorerFor(List<String> goldAnswers) {
        return switch (this) {
            case ENGLISH -> SquadAnswerScorer.INSTANCE;
            case CHINESE -> Cmrc2018AnswerScorer.INSTANCE;
            case AUTO -> goldAnswers.stream().anyMatch(AnswerLanguage::hasHan)
                    ? Cmrc2018AnswerScorer.INSTANCE : SquadAnswerScorer.INSTANCE;
        };
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
