package org.bert4j.train.objective;

import java.util.List;

/**
 * What the losses of one optimiser step are averaged over: its masked tokens (MLM) and its labelled sequences
 * (NSP/SOP). With gradient accumulation a step spans several micro-batches; dividing each micro-batch's loss sum
 * by the step's totals (not its own counts) makes the accumulated gradient exactly that of the whole batch, even
 * though micro-batches mask different numbers of tokens. Counts are known on the host at collation: no device read.
 */
public record LossDenominators(long maskedTokens, long pairSequences) {

    public LossDenominators {
        if (maskedTokens < 0 || pairSequences < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + maskedTokens + " and " + pairSequences);
        }
    }

    /** A step of one batch. */
    public static LossDenominators of(TrainingBatch batch) {
        return new LossDenominators(batch.maskedIndex().getShape().get(0),
                batch.pairLabels() == null ? 0 : batch.batchSize());
    }

    /** A step of these micro-batches. */
    public static LossDenominators over(List<TrainingBatch> microBatches) {
        LossDenominators sum = new LossDenominators(0, 0);
        for (TrainingBatch b : microBatches) sum = sum.plus(of(b));
        return sum;
    }

    public LossDenominators plus(LossDenominators other) {
        return new LossDenominators(maskedTokens + other.maskedTokens, pairSequences + other.pairSequences);
    }
}
