package org.bert4j.train.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plans an epoch so that little compute goes to padding: shuffle all sequences, sort each window of about
 * {@code windowBatches} batches by length, cut the windows into batches and shuffle the batches. Sequences in a
 * batch then have nearly equal lengths, while which sequences meet in a batch, and the order of batches, still
 * change every epoch (the "bucketing" of fairseq and tensor2tensor). Measured at length 128, batch 32, on all of
 * FewCLUE eprstmt and tnews with DOC-SENTENCES and SOP: 97% real tokens with windows of 50 batches, 98.6% with
 * 100, 99.8% with one global sort (which would fix who shares a batch for every epoch), 36–66% unsorted.
 */
public final class BatchPlanner {

    public static final int DEFAULT_WINDOW_BATCHES = 50;

    private final int batchSize;
    private final int windowBatches;

    public BatchPlanner(int batchSize, int windowBatches) {
        if (batchSize <= 0 || windowBatches <= 0) {
            throw new IllegalArgumentException("batch size and window must be positive, got " + batchSize + " and " + windowBatches);
        }
        this.batchSize = batchSize;
        this.windowBatches = windowBatches;
    }

    public BatchPlanner(int batchSize) { this(batchSize, DEFAULT_WINDOW_BATCHES); }

    public BatchPlan plan(SequenceSource source, long seed, int epoch) {
        int[] lengths = new int[source.size()];
        for (int i = 0; i < lengths.length; i++) lengths[i] = source.length(i);
        return plan(lengths, seed, epoch);
    }

    /** Every index appears in exactly one batch; only the last batch may be smaller than the batch size. */
    public BatchPlan plan(int[] lengths, long seed, int epoch) {
        RandomGenerator random = SequenceRandom.forEpoch(seed, epoch);
        int[] order = shuffledIndices(lengths.length, random);
        int batchCount = (lengths.length + batchSize - 1) / batchSize;
        // Windows of whole batches, as equal as possible: a short last window would be a batch of random lengths.
        int windows = Math.max(1, (int) Math.round((double) batchCount / windowBatches));
        List<int[]> batches = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            int from = (int) Math.min(lengths.length, (long) batchCount * w / windows * batchSize);
            int to = (int) Math.min(lengths.length, (long) batchCount * (w + 1) / windows * batchSize);
            int[] windowIndices = sortedByLength(order, from, to, lengths);
            for (int b = 0; b < windowIndices.length; b += batchSize) {
                int[] batch = new int[Math.min(batchSize, windowIndices.length - b)];
                System.arraycopy(windowIndices, b, batch, 0, batch.length);
                batches.add(batch);
            }
        }
        shuffle(batches, random);
        long real = 0;
        long slots = 0;
        for (int[] batch : batches) {
            int longest = 0;
            for (int i : batch) {
                real += lengths[i];
                longest = Math.max(longest, lengths[i]);
            }
            slots += (long) longest * batch.length;
        }
        return new BatchPlan(batches, real, slots);
    }

    /** Sorts by length packed with position into one long, so ties keep the shuffled order and nothing boxes. */
    private static int[] sortedByLength(int[] order, int from, int to, int[] lengths) {
        long[] keyed = new long[to - from];
        for (int i = from; i < to; i++) keyed[i - from] = ((long) lengths[order[i]] << 32) | (i - from);
        Arrays.sort(keyed);
        int[] sorted = new int[keyed.length];
        for (int i = 0; i < keyed.length; i++) sorted[i] = order[from + (int) keyed[i]];
        return sorted;
    }

    private static int[] shuffledIndices(int n, RandomGenerator random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
