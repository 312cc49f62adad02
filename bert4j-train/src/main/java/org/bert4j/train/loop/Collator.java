package org.bert4j.train.loop;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.bert4j.train.masking.MaskedSequence;
import org.bert4j.train.objective.TrainingBatch;

/** Masked sequences → one padded batch on the engine, its arrays created in {@code manager}. */
@FunctionalInterface
public interface Collator {

    TrainingBatch collate(NDManager manager, List<MaskedSequence> sequences);
}
