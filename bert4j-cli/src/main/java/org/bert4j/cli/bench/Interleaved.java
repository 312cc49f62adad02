package org.bert4j.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the engines' timed passes taking turns, A B B A A B ..., rather than one engine's block then the other's.
 * These machines are shared: a neighbour's build that starts halfway would otherwise land on one engine only and
 * decide the ratio. Turns spread such noise over both, and reversing the order every round means neither engine
 * always follows the other (whose thread pool may still be spinning down). Warm-up runs per engine, alone, which
 * is also where each engine's memory is measured.
 */
public final class Interleaved {

    /**
     * One engine's warm-up.
     *
     * @param peakHeap JVM heap pools' peak during it, bytes
     * @param peakRss  process RSS high-water mark during it, bytes (the whole process, weights included)
     * @param passRss  that peak minus the RSS just before: what one pass needs on top of the loaded model
     */
    public record Warm(long peakHeap, long peakRss, long passRss) {}

    /** Per engine, in the order given, the timed passes' wall times. */
    public record Timed(List<Samples> seconds) {

        /** Median over rounds of engine a's time ÷ engine b's in the same round: the pairing cancels slow load swings. */
        public double pairedSpeedup(int a, int b) {
            double[] ratios = new double[seconds.get(a).count()];
            for (int r = 0; r < ratios.length; r++) ratios[r] = seconds.get(b).seconds()[r] / seconds.get(a).seconds()[r];
            return new Samples(ratios).median();
        }
    }

    private Interleaved() {}

    public static Warm warmUp(BenchPass pass, int passes) throws Exception {
        ProcessMemory.resetPeaks();
        long before = ProcessMemory.rss();
        for (int i = 0; i < passes; i++) pass.run();
        long peak = ProcessMemory.peakRss();
        return new Warm(ProcessMemory.peakHeap(), peak, before < 0 ? -1 : Math.max(0, peak - before));
    }

    public static Timed time(List<? extends BenchPass> passes, int rounds) throws Exception {
        int n = passes.size();
        double[][] seconds = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < n; j++) {
                int e = r % 2 == 0 ? j : n - 1 - j;
                long start = System.nanoTime();
                passes.get(e).run();
                seconds[e][r] = (System.nanoTime() - start) / 1e9;
            }
        }
        List<Samples> out = new ArrayList<>();
        for (double[] s : seconds) out.add(new Samples(s));
        return new Timed(out);
    }

    /**
     * More rounds, untimed, sampling {@link ProcessMemory#trimmedRss} after each: flat when every pass frees what
     * it allocates, growing by what leaks otherwise. Apart from the timed rounds because trimming hands pages back
     * that the next pass must fault in again, which would slow exactly the passes being timed.
     */
    public static long[] leakCheck(List<? extends BenchPass> passes, int rounds) throws Exception {
        long[] rss = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            for (BenchPass p : passes) p.run();
            rss[r] = ProcessMemory.trimmedRss();
        }
        return rss;
    }
}
