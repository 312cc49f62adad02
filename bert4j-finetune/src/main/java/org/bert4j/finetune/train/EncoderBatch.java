package org.bert4j.finetune.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.bert4j.finetune.task.EncodedText;
import org.bert4j.finetune.task.Feature;

/**
 * The encoder rows of some features, right-padded to the longest row of this batch only (dynamic padding: with
 * length-bucketed batches most rows are nearly full), each (rows, T) int64 in the batch's manager.
 */
public record EncoderBatch(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask, int rows, long realTokens) {

    public static EncoderBatch of(NDManager manager, List<? extends Feature<?>> features, long padId) {
        List<EncodedText> rows = features.stream().flatMap(f -> f.rows().stream()).map(r -> (EncodedText) r).toList();
        int length = rows.stream().mapToInt(EncodedText::length).max().orElseThrow();
        long[][] ids = new long[rows.size()][length];
        long[][] types = new long[rows.size()][length];
        long[][] mask = new long[rows.size()][length];
        long real = 0;
        for (int i = 0; i < rows.size(); i++) {
            EncodedText r = rows.get(i);
            Arrays.fill(ids[i], padId);
            System.arraycopy(r.ids(), 0, ids[i], 0, r.length());
            System.arraycopy(r.typeIds(), 0, types[i], 0, r.length());
            Arrays.fill(mask[i], 0, r.length(), 1);
            real += r.length();
        }
        return new EncoderBatch(manager.create(ids), manager.create(types), manager.create(mask), rows.size(), real);
    }
}
