package org.bert4j.train.masking;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A distribution over how many consecutive words one masking unit spans, {@code 1..max}.
 */
public final class UnitLengths {

    private final double[] probabilities; // index n - 1
    private final double[] cumulative;

    private UnitLengths(double[] weights) {
        double total = Arrays.stream(weights).sum();
        probabilities = Arrays.stream(weights).map(w -> w / total).toArray();
        cumulative = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) cumulative[i] = running += probabilities[i];
    }

    /** Always one word (token-level and whole-word masking). */
    public static UnitLengths single() {
        return new UnitLengths(new double[] {1});
    }

    /** ALBERT's n-gram masking (Lan et al. 2020, §4.1): n ≤ {@code maxN}, p(n) ∝ 1/n. */
    public static UnitLengths inverseLength(int maxN) {
        if (maxN < 1) throw new IllegalArgumentException("n-gram maximum must be at least 1, got " + maxN);
        double[] w = new double[maxN];
        for (int n = 1; n <= maxN; n++) w[n - 1] = 1.0 / n;
        return new UnitLengths(w);
    }

    /**
     * SpanBERT's span lengths (Joshi et al. 2020, §3.1): ℓ ~ Geometric(p), clipped at {@code max} by renormalising
     * over 1..max as SpanBERT's code does ({@code len_distrib / sum}); p = 0.2, max = 10 gives the paper's mean 3.8.
     */
    public static UnitLengths truncatedGeometric(double p, int max) {
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("geometric p must be in (0, 1], got " + p);
        if (max < 1) throw new IllegalArgumentException("span maximum must be at least 1, got " + max);
        double[] w = new double[max];
        for (int n = 1; n <= max; n++) w[n - 1] = p * Math.pow(1 - p, n - 1);
        return new UnitLengths(w);
    }

    public int max() { return probabilities.length; }

    public double probability(int n) {
        return n >= 1 && n <= probabilities.length ? probabilities[n - 1] : 0;
    }

    public double mean() {
        double m = 0;
        for (int n = 1; n <= probabilities.length; n++) m += n * probabilities[n - 1];
        return m;
    }

    /** One draw; a one-point distribution consumes no randomness, so token and whole-word masks stay cheap. */
    int draw(RandomGenerator random) {
        if (probabilities.length == 1) return 1;
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]) return i + 1;
        return cumulative.length; // u above the last rounded cumulative sum
    }

    @Override
    public String toString() {
        return "UnitLengths" + Arrays.toString(probabilities);
    }
}
