package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese answer comparison with the semantics of the official CMRC 2018 evaluation script
 * ({@code cmrc2018_evaluate.py}, also used for DRCD and most Chinese extractive QA).
 *
 * <p><b>Punctuation</b> is the script's own list, no more: {@code - : _ * ^ / \ ~ ` + =} and
 * {@code ，。：？！“”；’《》·、「」（）－～『』}. (The script also lists "……", two characters, which never equals the single
 * character it is compared with, so a lone "…" is kept; ASCII {@code , . ? ! ( )} are not in the list either.)
 *
 * <p><b>Exact match</b>: both strings lower-cased, stripped of surrounding whitespace, punctuation deleted, then
 * compared as strings (inner spaces count).
 *
 * <p><b>F1</b> on the mixed segmentation: lower-case and strip; delete punctuation; each character in
 * U+4E00–U+9FA5 (the script's CJK test) is a token; the text between them is tokenised as English. If the longest
 * common <em>contiguous</em> run of tokens (longest common substring, not subsequence) has length 0 then F1 = 0, else
 * precision = lcs / |prediction tokens|, recall = lcs / |gold tokens|, F1 = 2PR / (P + R). Because punctuation is
 * deleted before segmentation, "iPhone-X" becomes the single token "iphonex".
 *
 * <p>The script tokenises the non-CJK text with NLTK's {@code word_tokenize}; we approximate it: whitespace
 * separates; a maximal run of letters, digits and combining marks is one token, keeping a '.' or ',' between two
 * digits inside it (so "3.5" and "1,000" stay whole, as NLTK keeps them); any other character is a token of its own.
 * This equals NLTK on the answers of CMRC-style data (names, numbers, units, latin words); it differs on English
 * contractions and quotes ("don't": NLTK "do" + "n't", here "don" + "'" + "t"), which only shifts F1 slightly.
 */
public final class Cmrc2018AnswerScorer implements AnswerScorer {

    public static final Cmrc2018AnswerScorer INSTANCE = new Cmrc2018AnswerScorer();

    private static final String PUNCTUATION = "-:_*^/\\~`+=，。：？！“”；’《》·、「」（）－～『』";

    private Cmrc2018AnswerScorer() {}

    @Override
    public boolean exactMatch(String prediction, String gold) {
        return removePunctuation(prediction).equals(removePunctuation(gold));
    }

    @Override
    public double f1(String prediction, String gold) {
        List<String> predicted = segment(prediction), expected = segment(gold);
        int lcs = longestCommonRun(expected, predicted);
        if (lcs == 0) return 0;
        double precision = (double) lcs / predicted.size(), recall = (double) lcs / expected.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** The script's {@code remove_punctuation}: lower-cased, stripped, punctuation deleted. */
    public static String removePunctuation(String text) {
        StringBuilder out = new StringBuilder();
        PythonText.strip(PythonText.lower(text)).codePoints()
                .filter(cp -> !isPunctuation(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The script's {@code mixed_segmentation(text, rm_punc=True)}, with the English tokeniser approximated. */
    public static List<String> segment(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        PythonText.strip(PythonText.lower(text)).codePoints().forEach(cp -> {
            if (isPunctuation(cp)) return;
            if (isCjk(cp)) {
                tokens.addAll(englishTokens(other.toString()));
                other.setLength(0);
                tokens.add(Character.toString(cp));
            } else {
                other.appendCodePoint(cp);
            }
        });
        tokens.addAll(englishTokens(other.toString()));
        return tokens;
    }

    /** The script's CJK test, the regex class U+4E00 to U+9FA5. */
    static boolean isCjk(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FA5;
    }

    private static boolean isPunctuation(int cp) {
        return PUNCTUATION.indexOf(cp) >= 0;
    }

    /** The approximation of NLTK's {@code word_tokenize} described in the class comment. */
    static List<String> englishTokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String piece : PythonText.split(text)) {
            int[] cps = piece.codePoints().toArray();
            int i = 0;
            while (i < cps.length) {
                int end = i + 1;
                if (isWordPart(cps[i])) {
                    while (end < cps.length && (isWordPart(cps[end]) || isNumberSeparator(cps, end))) end++;
                }
                tokens.add(new String(cps, i, end - i));
                i = end;
            }
        }
        return tokens;
    }

    private static boolean isWordPart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** A '.' or ',' with a digit on both sides, as in 3.5 or 1,000. */
    private static boolean isNumberSeparator(int[] cps, int at) {
        return (cps[at] == '.' || cps[at] == ',') && at + 1 < cps.length
                && Character.isDigit(cps[at - 1]) && Character.isDigit(cps[at + 1]);
    }

    /** Length of the longest run of consecutive tokens that occurs in both lists (dynamic programming, O(|a|·|b|)). */
    static int longestCommonRun(List<String> a, List<String> b) {
        int best = 0;
        int[] previous = new int[b.size() + 1], current = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = a.get(i - 1).equals(b.get(j - 1)) ? previous[j - 1] + 1 : 0;
                best = Math.max(best, current[j]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return best;
    }
}
