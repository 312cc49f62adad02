package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python string operations the official QA evaluation scripts use, with Python 3's Unicode definitions, so
 * that our scores do not drift from theirs on non-breaking spaces and other characters where Java's built-ins
 * differ (Java's {@code Character.isWhitespace} is false for the no-break space U+00A0, Python's
 * {@code '\xa0'.isspace()} is true).
 */
final class PythonText {

    private PythonText() {}

    /** {@code str.isspace()}: Java whitespace, every space separator (Zs, Zl, Zp) and NEL (U+0085). */
    static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /**
     * A character {@code re}'s {@code \w} matches in a str pattern: {@code str.isalnum()} (letters and every kind of
     * number: Nd, Nl, No) or underscore.
     */
    static boolean isWordCharacter(int cp) {
        if (cp == '_' || Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@code str.lower()}; locale-independent, as Python's is. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** {@code str.strip()}: leading and trailing whitespace removed. */
    static String strip(String text) {
        int[] cps = text.codePoints().toArray();
        int from = 0, to = cps.length;
        while (from < to && isWhitespace(cps[from])) from++;
        while (to > from && isWhitespace(cps[to - 1])) to--;
        return new String(cps, from, to - from);
    }

    /** {@code str.split()} without arguments: runs of whitespace separate, no empty pieces. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) {
                if (current.length() > 0) pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.appendCodePoint(cp);
            }
        });
        if (current.length() > 0) pieces.add(current.toString());
        return pieces;
    }
}
