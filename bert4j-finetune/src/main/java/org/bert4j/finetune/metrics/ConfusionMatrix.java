package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How often each gold label was predicted as each label: {@code count(gold, predicted)}. Rows are gold labels and
 * columns predictions (scikit-learn's orientation), so a row sums to the class's support and the diagonal holds the
 * correct predictions.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    private ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * Counts the pairs; label id i is named {@code labels.get(i)}. Every id must name a label, so a model that emits an
     * id outside the label set is reported instead of dropped from the table.
     */
    public static ConfusionMatrix of(int[] gold, int[] predicted, List<String> labels) {
        Accuracy.requireSameNonEmpty(gold.length, predicted.length);
        if (labels.isEmpty()) throw new IllegalArgumentException("no label names");
        long[][] counts = new long[labels.size()][labels.size()];
        for (int i = 0; i < gold.length; i++) {
            checkLabel(gold[i], labels, "gold", i);
            checkLabel(predicted[i], labels, "predicted", i);
            counts[gold[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(List.copyOf(labels), counts);
    }

    private static void checkLabel(int label, List<String> labels, String side, int example) {
        if (label < 0 || label >= labels.size()) {
            throw new IllegalArgumentException(side + " label " + label + " of example " + example
                    + " is outside the " + labels.size() + " named labels");
        }
    }

    public List<String> labels() {
        return labels;
    }

    /** How many examples of gold label {@code gold} were predicted as {@code predicted}. */
    public long count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) for (long c : row) total += c;
        return total;
    }

    /**
     * The matrix as a fixed-width table: a header row of predicted label names under the corner cell
     * {@code gold\pred}, then one row per gold label, numbers right-aligned. Example:
     * <pre>
     * gold\pred  neg  pos
     * neg          5    1
     * pos          2    7
     * </pre>
     */
    public String render() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("gold\\pred");
        header.addAll(labels);
        rows.add(header);
        for (int g = 0; g < labels.size(); g++) {
            List<String> row = new ArrayList<>();
            row.add(labels.get(g));
            for (long c : counts[g]) row.add(Long.toString(c));
            rows.add(row);
        }
        return TextTable.render(rows);
    }

    @Override
    public String toString() {
        return render();
    }
}
