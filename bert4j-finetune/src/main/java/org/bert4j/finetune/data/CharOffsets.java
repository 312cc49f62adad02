package org.bert4j.finetune.data;

/**
 * Finds where an annotated text starts, given the offset a file states. Files differ in what an offset counts:
 * tools in Python count code points, tools in Java or JavaScript count UTF-16 units, and the two disagree after
 * any character outside the Basic Multilingual Plane (CMRC 2018's trial set, for one, counts UTF-16 units past
 * the rare character 𫚭). The stated offset is tried as a UTF-16 index first, then as a code-point index; the
 * annotated text itself decides which reading is right.
 */
final class CharOffsets {

    private CharOffsets() {}

    /** The UTF-16 index at which {@code expected} occurs in {@code text}, or -1 when neither reading of {@code start} fits. */
    static int locate(String text, int start, String expected) {
        if (start < 0) return -1;
        if (text.startsWith(expected, start)) return start;
        if (start <= text.codePointCount(0, text.length())) {
            int utf16 = text.offsetByCodePoints(0, start);
            if (text.startsWith(expected, utf16)) return utf16;
        }
        return -1;
    }

    /** Up to 30 characters of {@code text} from {@code start}, for a message saying what is really there. */
    static String excerpt(String text, int start, int length) {
        if (start < 0 || start >= text.length()) return "(offset " + start + " is outside the text of length " + text.length() + ")";
        int end = Math.min(text.length(), start + Math.min(length, 30));
        return "\"" + text.substring(start, end) + (end < start + length ? "…" : "") + "\"";
    }
}
