package org.bert4j.finetune.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bert4j.finetune.data.EntitySpan;

/**
 * Entity-level precision, recall and F1, as seqeval and the CoNLL / CLUENER evaluations count them: a predicted
 * entity is correct only if a gold entity of the same sentence has exactly the same start, end and type. A right
 * type with a boundary off by one token is both a false positive and a false negative; there is no partial credit.
 *
 * <p>Per sentence the spans are a set: a span listed twice counts once (seqeval does the same), while different
 * spans may nest or overlap freely, so GlobalPointer-style predictions (CLUENER) are scored as they are.
 * Per type: tp = correct predictions of the type, fp = its other predictions, fn = its missed gold entities.
 * The headline precision / recall / F1 are micro averages (all types pooled, seqeval's {@code micro avg});
 * {@link #macroF1()} averages the per-type F1 over the types present in gold or prediction.
 *
 * @param perType entity type → its counts, in type-name order
 */
public record EntityScores(SortedMap<String, DecisionCounts> perType) {

    public EntityScores {
        perType = Collections.unmodifiableSortedMap(new TreeMap<>(perType));
    }

    /** Decodes each sentence's gold and predicted tags with {@link EntityTagDecoder} and scores the spans. */
    public static EntityScores fromTags(List<? extends List<String>> gold, List<? extends List<String>> predicted,
            TagScheme scheme) {
        Accuracy.requireSameNonEmpty(gold.size(), predicted.size());
        List<List<EntitySpan>> goldSpans = new ArrayList<>(), predictedSpans = new ArrayList<>();
        for (int s = 0; s < gold.size(); s++) {
            if (gold.get(s).size() != predicted.get(s).size()) {
                throw new IllegalArgumentException("sentence " + s + " has " + gold.get(s).size() + " gold tags but "
                        + predicted.get(s).size() + " predicted");
            }
            goldSpans.add(EntityTagDecoder.decode(gold.get(s), scheme));
            predictedSpans.add(EntityTagDecoder.decode(predicted.get(s), scheme));
        }
        return fromSpans(goldSpans, predictedSpans);
    }

    /** Scores spans given directly, one collection per sentence (nested and overlapping spans allowed). */
    public static EntityScores fromSpans(List<? extends Collection<EntitySpan>> gold,
            List<? extends Collection<EntitySpan>> predicted) {
        Accuracy.requireSameNonEmpty(gold.size(), predicted.size());
        TreeMap<String, DecisionCounts> counts = new TreeMap<>();
        for (int s = 0; s < gold.size(); s++) {
            Set<EntitySpan> g = new HashSet<>(gold.get(s)), p = new HashSet<>(predicted.get(s));
            for (EntitySpan span : p) {
                boolean hit = g.contains(span);
                counts.merge(span.type(), new DecisionCounts(hit ? 1 : 0, hit ? 0 : 1, 0), DecisionCounts::plus);
            }
            for (EntitySpan span : g) {
                if (!p.contains(span)) counts.merge(span.type(), new DecisionCounts(0, 0, 1), DecisionCounts::plus);
            }
        }
        return new EntityScores(counts);
    }

    /** Counts of one type (all zero for a type never seen). */
    public DecisionCounts counts(String type) {
        return perType.getOrDefault(type, DecisionCounts.ZERO);
    }

    /** All types pooled. */
    public DecisionCounts overall() {
        return perType.values().stream().reduce(DecisionCounts.ZERO, DecisionCounts::plus);
    }

    /** Micro precision: correct / predicted entities. */
    public double precision() {
        return overall().precision();
    }

    /** Micro recall: correct / gold entities. */
    public double recall() {
        return overall().recall();
    }

    /** Micro F1, the number NER papers report. */
    public double f1() {
        return overall().f1();
    }

    /** Unweighted mean of the per-type F1 (0 with no entities anywhere). */
    public double macroF1() {
        return perType.values().stream().mapToDouble(DecisionCounts::f1).average().orElse(0);
    }

    /** precision, recall, f1, macro_f1, then {@code f1.TYPE} for every type in name order. */
    public MetricResult toResult() {
        MetricResult result = MetricResult.of("precision", precision())
                .with("recall", recall())
                .with("f1", f1())
                .with("macro_f1", macroF1());
        for (var e : perType.entrySet()) result = result.with("f1." + e.getKey(), e.getValue().f1());
        return result;
    }

    /** A fixed-width table like seqeval's classification report: one row per type, then micro and macro averages. */
    public String render() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TextTable.scoreHeader("type"));
        perType.forEach((type, counts) -> rows.add(TextTable.scoreRow(type, counts)));
        DecisionCounts overall = overall();
        double macroP = perType.values().stream().mapToDouble(DecisionCounts::precision).average().orElse(0);
        double macroR = perType.values().stream().mapToDouble(DecisionCounts::recall).average().orElse(0);
        rows.add(TextTable.scoreRow("micro avg", overall));
        rows.add(TextTable.scoreRow("macro avg", macroP, macroR, macroF1(), overall.support()));
        return TextTable.render(rows);
    }
}
