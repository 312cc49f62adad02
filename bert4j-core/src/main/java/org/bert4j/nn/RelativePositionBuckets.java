package org.bert4j.nn;

/**
 * DeBERTa's relative position of query i to key j (HF {@code build_relative_position},
 * {@code make_log_bucket_position}): r = i − j, kept as is while |r| ≤ buckets/2, beyond that
 * sign(r)·(⌈log(|r|/mid) / log((max − 1)/mid) · (mid − 1)⌉ + mid) with mid = buckets/2, so distant positions share
 * buckets logarithmically. The logarithms are taken in float32 as PyTorch does, so the bucket edges fall where a
 * checkpoint trained with HF's code expects them.
 */
public final class RelativePositionBuckets {

    private RelativePositionBuckets() {}

    /** The bucketed relative position; {@code buckets ≤ 0} means no bucketing (r itself). */
    public static long bucket(long relative, int buckets, int maxPosition) {
        if (buckets <= 0 || maxPosition <= 0) return relative;
        int mid = buckets / 2;
        long abs = Math.abs(relative);
        if (abs <= mid) return relative;
        float ratio = (float) abs / (float) mid;
        float numerator = (float) Math.log(ratio);
        float denominator = (float) Math.log((float) ((maxPosition - 1) / (double) mid));
        float scaled = numerator / denominator * (float) (mid - 1);
        return Long.signum(relative) * ((long) Math.ceil(scaled) + mid);
    }

    /**
     * Row indices into the 2·span relative table for a length-T pass, (T, T) row-major: entry (i, j) is
     * clamp(bucket(i − j) + span, 0, 2·span − 1). Because bucket(−r) = −bucket(r), the p2c term's index for key j
     * and query i is the same entry, read transposed.
     */
    public static long[] indexTable(int length, int buckets, int maxPosition, int span) {
        // Entry (i, j) depends on i − j alone: the 2T − 1 distinct rows first, then the table.
        long[] byOffset = new long[2 * length - 1];
        for (int r = -(length - 1); r < length; r++) {
            byOffset[r + length - 1] = Math.max(0, Math.min(2L * span - 1, bucket(r, buckets, maxPosition) + span));
        }
        long[] index = new long[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < length; j++) index[i * length + j] = byOffset[i - j + length - 1];
        }
        return index;
    }
}
