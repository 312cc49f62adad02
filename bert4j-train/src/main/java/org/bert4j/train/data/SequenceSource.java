package org.bert4j.train.data;

import java.util.random.RandomGenerator;

/**
 * The training sequences of a corpus, by index. Sequences whose content is random (NSP/SOP pairs: split point,
 * random partner, swap) draw it from {@code random}, which the training loop seeds from (run seed, epoch, index):
 * each epoch differs, and a resumed run sees exactly what an uninterrupted one would. Packed sources ignore it.
 */
public interface SequenceSource {

    int size();

    TrainingSequence get(int index, RandomGenerator random);

    /** Length of sequence {@code index} with specials, without building it (batch planning, bucketing). */
    int length(int index);
}
