package org.bert4j.finetune.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English answer comparison with the semantics of the official SQuAD v1.1 {@code evaluate-v1.1.py}.
 *
 * <p>Normalisation, in the script's order: lower-case; delete ASCII punctuation (Python's
 * {@code string.punctuation}, {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}); replace the words a, an, the (whole words,
 * {@code \b(a|an|the)\b}) by a space; collapse whitespace to single spaces. Exact match compares the normalised
 * strings. F1 treats the normalised tokens as bags: common = Σ over tokens of min(count in prediction, count in
 * gold); if common = 0 then F1 = 0, else precision = common / |prediction tokens|, recall = common / |gold tokens|,
 * F1 = 2PR / (P + R). As in v1.1, an answer that normalises to nothing has F1 0 even against an empty gold (the
 * special case for unanswerable questions belongs to SQuAD 2.0, which this is not).
 */
public final class SquadAnswerScorer implements AnswerScorer {

    public static final SquadAnswerScorer INSTANCE = new SquadAnswerScorer();

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private SquadAnswerScorer() {}

    @Override
    public boolean exactMatch(String prediction, String gold) {
        return normalize(prediction).equals(normalize(gold));
    }

    @Override
    public double f1(String prediction, String gold) {
        List<String> predicted = PythonText.split(normalize(prediction));
        List<String> expected = PythonText.split(normalize(gold));
        Map<String, Integer> goldCounts = new HashMap<>();
        for (String token : expected) goldCounts.merge(token, 1, Integer::sum);
        int common = 0;
        for (String token : predicted) {
            Integer left = goldCounts.get(token);
            if (left != null && left > 0) {
                common++;
                goldCounts.put(token, left - 1);
            }
        }
        if (common == 0) return 0;
        double precision = (double) common / predicted.size(), recall = (double) common / expected.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** The script's {@code normalize_answer}. */
    public static String normalize(String text) {
        StringBuilder withoutPunctuation = new StringBuilder();
        PythonText.lower(text).codePoints()
                .filter(cp -> PUNCTUATION.indexOf(cp) < 0)
                .forEach(withoutPunctuation::appendCodePoint);
        return String.join(" ", PythonText.split(removeArticles(withoutPunctuation.toString())));
    }

    /** Replaces each maximal run of word characters that is exactly an article by a space: what {@code \b(a|an|the)\b} matches. */
    private static String removeArticles(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (PythonText.isWordCharacter(cp)) {
                word.appendCodePoint(cp);
            } else {
                flushWord(word, out);
                out.appendCodePoint(cp);
            }
        });
        flushWord(word, out);
        return out.toString();
    }

    private static void flushWord(StringBuilder word, StringBuilder out) {
        out.append(ARTICLES.contains(word.toString()) ? " " : word);
        word.setLength(0);
    }
}
