package org.bert4j.train.loop;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.model.EncoderModel;
import org.bert4j.train.data.SequenceSource;
import org.bert4j.train.objective.Objective;
import org.bert4j.train.objective.ObjectiveOutput;
import org.bert4j.train.objective.TrainingBatch;

/**
 * Held-out MLM loss and accuracy (and NSP/SOP when the objective has it): the held-out sequences in order, in
 * fixed batches, masked with the same draws every time ({@link Seeds#HELD_OUT_EPOCH}) and without dropout, so
 * successive evaluations differ only because the model did.
 */
public final class HeldOutEvaluation {

    private final BatchAssembler assembler;
    private final Objective objective;
    private final int batchSize;
    private final int maxBatches;

    /** @param maxBatches 0 = every held-out sequence */
    public HeldOutEvaluation(BatchAssembler assembler, Objective objective, int batchSize, int maxBatches) {
        this.assembler = assembler;
        this.objective = objective;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /** Metrics such as {@code mlm_loss}, {@code mlm_accuracy}, {@code sequences}; empty when nothing is held out. */
    public Map<String, Object> evaluate(EncoderModel model) {
        SequenceSource source = assembler.source();
        int n = source.size();
        int batches = (n + batchSize - 1) / batchSize;
        if (maxBatches > 0) batches = Math.min(batches, maxBatches);
        Map<String, Object> out = new LinkedHashMap<>();
        if (batches == 0) return out;
        int sequences = 0;
        try (DeviceSums sums = new DeviceSums(model.manager())) {
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int[] indices = java.util.stream.IntStream.range(from, Math.min(n, from + batchSize)).toArray();
                try (NDManager scope = model.manager().newSubManager()) {
                    TrainingBatch batch = assembler.assemble(scope, Seeds.HELD_OUT_EPOCH, indices);
                    ObjectiveOutput o = objective.compute(model, batch, false);
                    sums.addAll(o.sums());
                }
                sequences += indices.length;
            }
            out.putAll(DeviceSums.rates(sums.read()));
        }
        out.put("sequences", sequences);
        return out;
    }
}
