package org.bert4j.finetune.metrics;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fixed-width plain-text table for reports printed to a terminal: the first column (names) left-aligned, the others
 * (numbers) right-aligned, two spaces between columns. Widths count East Asian wide characters as two columns,
 * since label names here are often Chinese ("体育", "财经") and a terminal draws each of those two cells wide.
 */
final class TextTable {

    private static final String GAP = "  ";

    private TextTable() {}

    /** Every row must have the same number of cells; the first row is usually the header. */
    static String render(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            if (row.size() != columns) throw new IllegalArgumentException("ragged table row " + row);
            for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], displayWidth(row.get(c)));
        }
        return rows.stream().map(row -> line(row, widths)).collect(Collectors.joining("\n"));
    }

    /** The header of a per-class score table, as scikit-learn's and seqeval's classification reports. */
    static List<String> scoreHeader(String firstColumn) {
        return List.of(firstColumn, "precision", "recall", "f1", "support");
    }

    /** One row of a score table, ratios with 4 decimals. */
    static List<String> scoreRow(String name, double precision, double recall, double f1, long support) {
        return List.of(name, fixed4(precision), fixed4(recall), fixed4(f1), Long.toString(support));
    }

    static List<String> scoreRow(String name, DecisionCounts counts) {
        return scoreRow(name, counts.precision(), counts.recall(), counts.f1(), counts.support());
    }

    static String fixed4(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            String pad = " ".repeat(widths[c] - displayWidth(cell));
            if (c > 0) out.append(GAP);
            out.append(c == 0 ? cell + pad : pad + cell);
        }
        return out.toString();
    }

    /** Terminal columns {@code text} takes: 2 for each East Asian wide or full-width code point, 1 for the others. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    /** The wide blocks of Unicode's East_Asian_Width property (W and F), to the precision a report needs. */
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)      // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)  // CJK radicals … Yi, including CJK punctuation
                || (cp >= 0xAC00 && cp <= 0xD7A3)  // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)  // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)  // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)  // full-width forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
    }
}
