package org.bert4j.cli.bench;

import java.util.SplittableRandom;

/**
 * One MLM batch, the same for every engine of a training bench: B × T real tokens (no padding, so no engine can
 * skip work), {@link TrainingShape#maskedPerRow} distinct positions per row after [CLS] replaced by the [MASK]
 * id and predicted, and an NSP/SOP label per row for models with a sentence-pair head. Host arrays, so each
 * engine builds its tensors in its own scope every step.
 *
 * @param ids          B·T input ids, row-major, masked positions already replaced
 * @param positions    B·M positions within their row, ascending per row
 * @param labels       B·M original ids at those positions
 * @param pairLabels   B labels in {0, 1}
 */
public record MaskedBatch(TrainingShape shape, long[] ids, long[] positions, long[] labels, long[] pairLabels) {

    /** BERT's [MASK] id in its English vocabulary; any id works for timing, this one reads naturally. */
    static final int MASK_ID = 103;

    public static MaskedBatch random(TrainingShape shape, long seed) {
        BenchInputs inputs = BenchInputs.random(shape.batch(), shape.length(), shape.vocab(), seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        int b = shape.batch(), t = shape.length(), m = shape.maskedPerRow();
        long[] ids = inputs.ids();
        long[] positions = new long[b * m];
        long[] labels = new long[b * m];
        long[] pairs = new long[b];
        for (int row = 0; row < b; row++) {
            // Selection sampling: m distinct positions of 1 .. T-1, in order.
            int chosen = 0;
            for (int p = 1; p < t && chosen < m; p++) {
                if (random.nextInt(t - p) < m - chosen) {
                    int flat = row * t + p;
                    positions[row * m + chosen] = p;
                    labels[row * m + chosen] = ids[flat];
                    ids[flat] = Math.min(MASK_ID, shape.vocab() - 1);
                    chosen++;
                }
            }
            pairs[row] = random.nextInt(2);
        }
        return new MaskedBatch(shape, ids, positions, labels, pairs);
    }

    /** Masked positions as flat indices b·T + t into the (B·T) rows, bert4j's form. */
    public long[] flatPositions() {
        int m = shape.maskedPerRow();
        long[] flat = new long[positions.length];
        for (int i = 0; i < flat.length; i++) flat[i] = (long) (i / m) * shape.length() + positions[i];
        return flat;
    }
}
