package org.bert4j.train.objective;

import java.util.List;

/**
 * What the losses of one optimiser step are averaged over: its masked tokens (MLM), its labelled sequences
 * (NSP/SOP) and its real tokens (replaced-token detection). With gradient accumulation a step spans several micro-batches; dividing each micro-batch's loss sum
 * by the step's totals (not its own counts) makes the accumulated gradient exactly that of the whole batch, even
 * though micro-batches mask different numbers of tokens. Counts are known on the host at collation: no device read.
 */
public record LossDenominators(long maskedTokens, long pairSequences, long realTokens) {

    public LossDenominators {
        if (maskedTokens < 0 || pairSequences < 0 || realTokens < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + maskedTokens + ", " + pairSequences + " and " + realTokens);
        }
    }

    /** A step of one batch. */
    public static LossDenominators of(TrainingBatch batch) {
        return new LossDenominators(batch.maskedIndex().getShape().get(0),
                batch.pairLabels() == null ? 0 : batch.batchSize(), batch.realTokens());
    }

    /** A step of these micro-batches. */
    public static LossDenominators over(List<TrainingBatch> microBatches) {
        LossDenominators sum = new LossDenominators(0, 0, 0);
        for (TrainingBatch b : microBatches) sum = sum.plus(of(b));
        return sum;
    }

    public LossDenominators plus(LossDenominators other) {
        return new LossDenominators(maskedTokens + other.maskedTokens, pairSequences + other.pairSequences,
                realTokens + other.realTokens);
    }
}
