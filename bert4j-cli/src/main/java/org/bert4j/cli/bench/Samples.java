package org.bert4j.cli.bench;

import java.util.Arrays;

/**
 * Wall-clock seconds of repeated runs. The machines are shared and noisy, so everything reported is a median:
 * one slow outlier (another job, a GC) must not move the figure.
 */
public record Samples(double[] seconds) {

    public Samples {
        if (seconds.length == 0) throw new IllegalArgumentException("no samples");
        seconds = seconds.clone();
    }

    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double min() { return Arrays.stream(seconds).min().orElseThrow(); }

    public double max() { return Arrays.stream(seconds).max().orElseThrow(); }

    public int count() { return seconds.length; }
}
