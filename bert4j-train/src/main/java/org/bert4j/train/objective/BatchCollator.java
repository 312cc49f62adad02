package org.bert4j.train.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.masking.MaskedSequence;

/**
 * Masked sequences → a {@link TrainingBatch} on the engine: padded to the batch's longest sequence (not a global
 * maximum, so short batches cost less), an attention mask only when some row is padded, and the masked positions
 * as flat indices b·T + t into the (B·T, d) hidden states so MLM can gather just those rows.
 */
public final class BatchCollator {

    private BatchCollator() {}

    /**
     * @param manager the step's scope; every array is created in it
     * @param padId   the vocabulary's padding id (0 for BERT, 1 for RoBERTa)
     */
    public static TrainingBatch collate(NDManager manager, List<MaskedSequence> sequences, int padId) {
        if (sequences.isEmpty()) throw new IllegalArgumentException("cannot collate an empty batch");
        int batch = sequences.size();
        int length = 0;
        int realTokens = 0;
        int masked = 0;
        int withPairLabel = 0;
        for (int b = 0; b < batch; b++) {
            MaskedSequence s = sequences.get(b);
            if (s.length() == 0) throw new IllegalArgumentException("sequence " + b + " of the batch is empty");
            length = Math.max(length, s.length());
            realTokens += s.length();
            masked += s.maskedPositions().length;
            if (s.pairLabel() != TrainingSequence.NO_PAIR_LABEL) withPairLabel++;
        }
        if (withPairLabel != 0 && withPairLabel != batch) {
            throw new IllegalArgumentException(withPairLabel + " of " + batch + " sequences have a sentence-pair label:"
                    + " a batch has labels on all sequences or on none");
        }
        long[] ids = new long[batch * length];
        long[] types = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] maskedIndex = new long[masked];
        long[] maskedLabels = new long[masked];
        long[] pairLabels = new long[batch];
        int m = 0;
        for (int b = 0; b < batch; b++) {
            MaskedSequence s = sequences.get(b);
            int row = b * length;
            for (int t = 0; t < length; t++) {
                boolean real = t < s.length();
                ids[row + t] = real ? s.inputIds()[t] : padId;
                types[row + t] = real ? s.typeIds()[t] : 0;
                mask[row + t] = real ? 1 : 0;
            }
            int previous = -1;
            for (int k = 0; k < s.maskedPositions().length; k++) {
                int position = s.maskedPositions()[k];
                if (position <= previous || position >= s.length()) {
                    throw new IllegalArgumentException("sequence " + b + ": masked positions must be ascending and inside"
                            + " the sequence (length " + s.length() + "), got " + position + " after " + previous);
                }
                previous = position;
                maskedIndex[m] = row + position;
                maskedLabels[m++] = s.maskedLabels()[k];
            }
            if (withPairLabel > 0) {
                if (s.pairLabel() != 0 && s.pairLabel() != 1) {
                    throw new IllegalArgumentException("sequence " + b + ": sentence-pair label must be 0 or 1, got "
                            + s.pairLabel());
                }
                pairLabels[b] = s.pairLabel();
            }
        }
        Shape shape = new Shape(batch, length);
        NDArray attentionMask = realTokens < batch * length ? manager.create(mask, shape) : null;
        return new TrainingBatch(manager.create(ids, shape), manager.create(types, shape), attentionMask,
                manager.create(maskedIndex, new Shape(masked)), manager.create(maskedLabels, new Shape(masked)),
                withPairLabel > 0 ? manager.create(pairLabels, new Shape(batch)) : null, realTokens, batch * length);
    }
}
