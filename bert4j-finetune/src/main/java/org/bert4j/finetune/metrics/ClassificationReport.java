package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Per-class precision, recall, F1 and support, with the averages classification benchmarks report, for single-label
 * (one class per example) and multi-label (a set of classes per example) tasks.
 *
 * <p><b>Which classes count</b>: the union of labels that occur in the gold labels or the predictions, as
 * scikit-learn's {@code labels=None}. A class absent from both cannot be scored (0/0 everywhere) and is left out
 * rather than entered as 0 or 1; a class only ever predicted enters with precision 0, recall 0, F1 0 and support 0.
 *
 * <ul>
 *   <li>macro-F1 = unweighted mean of the per-class F1 (every class matters equally, however rare);
 *       macro precision and recall likewise.</li>
 *   <li>micro-F1 = F1 of the pooled counts, 2·Σtp / (2·Σtp + Σfp + Σfn), i.e. over all (example, label)
 *       decisions. Single-label: each wrong example is one fp and one fn, so Σfp = Σfn = n − Σtp and micro-F1 equals
 *       accuracy.</li>
 *   <li>weighted-F1 = per-class F1 weighted by support.</li>
 *   <li>accuracy = fraction of examples predicted exactly right; for multi-label that is the whole set
 *       (scikit-learn's subset accuracy).</li>
 * </ul>
 * With no class at all (multi-label, every set empty) the averages are 0.
 *
 * @param perClass label id → its counts, ascending by id
 * @param examples how many examples were scored
 * @param exactlyCorrect how many had exactly the gold label (set)
 */
public record ClassificationReport(SortedMap<Integer, DecisionCounts> perClass, long examples, long exactlyCorrect) {

    public ClassificationReport {
        perClass = Collections.unmodifiableSortedMap(new TreeMap<>(perClass));
    }

    /** One label per example: a correct example is a tp of its class, a wrong one an fn of the gold class and an fp of the predicted one. */
    public static ClassificationReport singleLabel(int[] gold, int[] predicted) {
        Accuracy.requireSameNonEmpty(gold.length, predicted.length);
        TreeMap<Integer, DecisionCounts> counts = new TreeMap<>();
        long correct = 0;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] == predicted[i]) {
                correct++;
                add(counts, gold[i], 1, 0, 0);
            } else {
                add(counts, gold[i], 0, 0, 1);
                add(counts, predicted[i], 0, 1, 0);
            }
        }
        return new ClassificationReport(counts, gold.length, correct);
    }

    /**
     * A set of labels per example (an empty set is allowed on either side): each label in both sets is a tp, each
     * predicted-only label an fp, each gold-only label an fn.
     */
    public static ClassificationReport multiLabel(List<? extends Set<Integer>> gold, List<? extends Set<Integer>> predicted) {
        Accuracy.requireSameNonEmpty(gold.size(), predicted.size());
        TreeMap<Integer, DecisionCounts> counts = new TreeMap<>();
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            Set<Integer> g = gold.get(i), p = predicted.get(i);
            for (int label : p) add(counts, label, g.contains(label) ? 1 : 0, g.contains(label) ? 0 : 1, 0);
            for (int label : g) if (!p.contains(label)) add(counts, label, 0, 0, 1);
            if (g.equals(p)) correct++;
        }
        return new ClassificationReport(counts, gold.size(), correct);
    }

    private static void add(TreeMap<Integer, DecisionCounts> counts, int label, long tp, long fp, long fn) {
        counts.merge(label, new DecisionCounts(tp, fp, fn), DecisionCounts::plus);
    }

    /** Counts of a class (all zero for a class that never occurred). */
    public DecisionCounts counts(int label) {
        return perClass.getOrDefault(label, DecisionCounts.ZERO);
    }

    /** All classes pooled: the micro-averaged counts. */
    public DecisionCounts pooled() {
        return perClass.values().stream().reduce(DecisionCounts.ZERO, DecisionCounts::plus);
    }

    public double accuracy() {
        return (double) exactlyCorrect / examples;
    }

    public double macroPrecision() {
        return perClass.values().stream().mapToDouble(DecisionCounts::precision).average().orElse(0);
    }

    public double macroRecall() {
        return perClass.values().stream().mapToDouble(DecisionCounts::recall).average().orElse(0);
    }

    public double macroF1() {
        return perClass.values().stream().mapToDouble(DecisionCounts::f1).average().orElse(0);
    }

    public double microF1() {
        return pooled().f1();
    }

    /** Σ support_c · F1_c / Σ support_c (0 with no gold labels at all). */
    public double weightedF1() {
        return weighted(DecisionCounts::f1);
    }

    /** accuracy, macro_precision, macro_recall, macro_f1, micro_f1, weighted_f1, in that order. */
    public MetricResult toResult() {
        return MetricResult.of("accuracy", accuracy())
                .with("macro_precision", macroPrecision())
                .with("macro_recall", macroRecall())
                .with("macro_f1", macroF1())
                .with("micro_f1", microF1())
                .with("weighted_f1", weightedF1());
    }

    /**
     * A fixed-width table: one row per class (named by {@code labelName}, e.g. {@code labels::get}), then the micro,
     * macro and weighted averages with the total support.
     */
    public String render(IntFunction<String> labelName) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TextTable.scoreHeader("label"));
        perClass.forEach((label, counts) -> rows.add(TextTable.scoreRow(labelName.apply(label), counts)));
        DecisionCounts pooled = pooled();
        double weightedP = weighted(DecisionCounts::precision), weightedR = weighted(DecisionCounts::recall);
        rows.add(TextTable.scoreRow("micro avg", pooled));
        rows.add(TextTable.scoreRow("macro avg", macroPrecision(), macroRecall(), macroF1(), pooled.support()));
        rows.add(TextTable.scoreRow("weighted avg", weightedP, weightedR, weightedF1(), pooled.support()));
        return TextTable.render(rows);
    }

    private double weighted(ToDoubleFunction<DecisionCounts> score) {
        long support = pooled().support();
        if (support == 0) return 0;
        return perClass.values().stream().mapToDouble(c -> score.applyAsDouble(c) * c.support()).sum() / support;
    }
}
