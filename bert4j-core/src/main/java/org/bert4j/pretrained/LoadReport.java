package org.bert4j.pretrained;

import java.util.List;

/**
 * What a checkpoint load found. {@code missing}: bert4j parameters with no tensor in the file; {@code unexpected}:
 * file keys no parameter took; {@code misshaped}: "key: file shape vs model shape"; {@code absentHeads}: heads the
 * family defines that the file has no weights for (left off the model); {@code notes}: anything else worth saying.
 */
public record LoadReport(String source, List<String> missing, List<String> unexpected, List<String> misshaped,
                         List<String> absentHeads, List<String> notes) {

    public boolean clean() { return missing.isEmpty() && unexpected.isEmpty() && misshaped.isEmpty(); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("load report for ").append(source).append(':');
        append(sb, "missing", missing);
        append(sb, "unexpected", unexpected);
        append(sb, "mis-shaped", misshaped);
        append(sb, "heads absent from the file", absentHeads);
        append(sb, "notes", notes);
        if (clean() && absentHeads.isEmpty() && notes.isEmpty()) sb.append(" every key used exactly once");
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, List<String> items) {
        if (items.isEmpty()) return;
        sb.append("\n  ").append(what).append(" (").append(items.size()).append("): ");
        sb.append(String.join(", ", items.size() > 20 ? items.subList(0, 20) : items));
        if (items.size() > 20) sb.append(", …");
    }
}
