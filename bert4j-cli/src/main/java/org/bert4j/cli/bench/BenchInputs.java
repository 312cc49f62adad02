package org.bert4j.cli.bench;

import java.util.SplittableRandom;

/**
 * One (B, T) batch both engines see: token ids drawn from the vocabulary with a fixed seed, no padding (every
 * position is a real token, so no engine can skip work on masked keys), segment 0 throughout. Kept as flat
 * host arrays so each engine builds its own tensors inside its own scope per iteration.
 *
 * @param ids  B·T ids, row-major
 * @param mask B·T ones
 * @param types B·T zeros
 */
public record BenchInputs(int batch, int length, long[] ids, long[] mask, long[] types) {

    /** Ids in [lowest, vocabSize): skips the low ids where BERT vocabularies keep [PAD], [UNK], [CLS], [unusedN]. */
    public static BenchInputs random(int batch, int length, int vocabSize, long seed) {
        if (batch <= 0 || length <= 0) throw new IllegalArgumentException("--batch and --length must be > 0");
        int lowest = Math.min(1000, vocabSize / 2);
        SplittableRandom random = new SplittableRandom(seed);
        int n = batch * length;
        long[] ids = new long[n];
        long[] mask = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = random.nextInt(lowest, vocabSize);
            mask[i] = 1;
        }
        return new BenchInputs(batch, length, ids, mask, new long[n]);
    }

    public long tokens() { return (long) batch * length; }

    public long[] shape() { return new long[] {batch, length}; }
}
