package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * DeBERTa's log buckets at and around their edges, against values worked out by hand from HF's
 * {@code make_log_bucket_position} (float32, as PyTorch computes it): mid = buckets/2;
 * |r| ≤ mid is kept; beyond, sign(r)·(⌈ln(|r|/mid)/ln((max−1)/mid)·(mid−1)⌉ + mid).
 */
class RelativePositionBucketsTest {

    @ParameterizedTest(name = "buckets {1}, max {2}: r = {0} → {3}")
    @CsvSource({
            // DeBERTaV3's setting: 256 buckets, max 512 positions (mid 128, ln(511/128) = 1.38434).
            "0, 256, 512, 0",
            "127, 256, 512, 127",
            "128, 256, 512, 128",      // |r| = mid: still kept as is
            "129, 256, 512, 129",      // ln(129/128)/1.38434·127 = 0.714 → ⌈⌉ 1 → 129
            "130, 256, 512, 130",      // 1.422 → 2 → 130
            "200, 256, 512, 169",      // 40.94 → 41
            "300, 256, 512, 207",      // 78.06 → 79
            "511, 256, 512, 255",      // exactly 127: the last bucket that keeps its own index
            "512, 256, 512, 256",      // 127.18 → 128: past max − 1, the index clamp takes over
            "1000, 256, 512, 317",
            "-129, 256, 512, -129",    // sign-symmetric
            "-511, 256, 512, -255",
            // A small table (mid 4, ln(31/4) = 2.04769): several offsets share a bucket.
            "3, 8, 32, 3",
            "4, 8, 32, 4",
            "5, 8, 32, 5",             // 0.327 → 1
            "6, 8, 32, 5",             // 0.594 → 1: shares 5's bucket
            "7, 8, 32, 5",
            "8, 8, 32, 6",             // 1.016 → 2
            "16, 8, 32, 7",
            "31, 8, 32, 7",            // exactly 3
            "32, 8, 32, 8",            // 3.047 → 4
            "1000, 8, 32, 13",
            "-5, 8, 32, -5",
            // No buckets (position_buckets ≤ 0): the offset itself.
            "300, -1, 512, 300",
            "-7, 0, 512, -7"
    })
    void bucketsMatchHandComputedValues(long relative, int buckets, int max, long expected) {
        assertEquals(expected, RelativePositionBuckets.bucket(relative, buckets, max));
    }

    @Test
    void indexTableShiftsByTheSpanAndClampsToTheTable() {
        // No buckets, span 2: rows 0..3 for offsets -2..1; farther offsets clamp to the ends.
        long[] index = RelativePositionBuckets.indexTable(4, -1, 2, 2);
        long[][] expected = {
                {2, 1, 0, 0},   // i = 0: offsets 0, -1, -2, -3 (clamped)
                {3, 2, 1, 0},
                {3, 3, 2, 1},   // i = 2, j = 0: offset 2 → 4, clamped to 3
                {3, 3, 3, 2}};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) assertEquals(expected[i][j], index[i * 4 + j], "(" + i + ", " + j + ")");
        }
    }

    @Test
    void indexTableIsAntisymmetricAroundTheSpanSoP2cCanReadItTransposed() {
        int t = 40;
        long[] index = RelativePositionBuckets.indexTable(t, 16, 64, 16);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                long forward = index[i * t + j] - 16;
                long backward = index[j * t + i] - 16;
                // bucket(−r) = −bucket(r); only the upper clamp (2·span − 1 = 15 + 16) breaks exact symmetry.
                if (Math.abs(forward) < 16 && Math.abs(backward) < 16) assertEquals(-forward, backward, "(" + i + ", " + j + ")");
            }
        }
    }
}
