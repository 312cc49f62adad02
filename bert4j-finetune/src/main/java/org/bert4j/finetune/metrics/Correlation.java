package org.bert4j.finetune.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pearson and Spearman correlation between predicted and gold scores, the metrics of STS-B-style similarity tasks,
 * computed as SciPy's {@code pearsonr} and {@code spearmanr} do.
 *
 * <p>Pearson r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²). Spearman ρ = Pearson r of the ranks, where tied values all
 * get the average of the positions they occupy (values 5, 7, 7, 9 have ranks 1, 2.5, 2.5, 4), so ties need no
 * special formula and ρ stays exact with them (the textbook 1 − 6Σd²/(n(n²−1)) is wrong with ties).
 *
 * <p>Failure modes, chosen so an evaluation in a training loop does not die on a legitimate model output:
 * <ul>
 *   <li>fewer than 2 pairs, different lengths, or a NaN / infinite value: {@link IllegalArgumentException}
 *       (there is no correlation to speak of; the caller passed the wrong data);</li>
 *   <li>either side constant (zero variance, e.g. an untrained regression head that outputs the same score for
 *       every pair): {@link Double#NaN}, as SciPy returns with its ConstantInputWarning. Constancy is tested on the
 *       values themselves, not on a computed variance, so rounding in the mean cannot turn it into a garbage r.</li>
 * </ul>
 */
public final class Correlation {

    private Correlation() {}

    public static double pearson(double[] x, double[] y) {
        check(x, y);
        if (isConstant(x) || isConstant(y)) return Double.NaN;
        double meanX = Arrays.stream(x).average().orElseThrow(), meanY = Arrays.stream(y).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1.0, Math.min(1.0, r)); // rounding can push |r| a hair above 1
    }

    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return pearson(averageRanks(x), averageRanks(y));
    }

    /** 1-based ranks in ascending order of value; each group of equal values gets the mean of its positions. */
    static double[] averageRanks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && values[order[end]] == values[order[start]]) end++;
            double averagePosition = (start + 1 + end) / 2.0; // mean of positions start+1 … end
            for (int k = start; k < end; k++) ranks[order[k]] = averagePosition;
            start = end;
        }
        return ranks;
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) if (v != values[0]) return false;
        return true;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " values against " + y.length);
        if (x.length < 2) throw new IllegalArgumentException("correlation needs at least 2 pairs, got " + x.length);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("pair " + i + " is not finite: " + x[i] + ", " + y[i]);
            }
        }
    }
}
