package org.bert4j.train.masking;

import java.util.random.RandomGenerator;
import org.bert4j.train.data.TrainingSequence;

/**
 * Chooses the positions the MLM objective predicts and corrupts them. Masking is dynamic: the training loop
 * calls this every time a sequence is seen, with a generator seeded from (run seed, epoch, sequence index), so
 * a resumed run draws exactly the masks an uninterrupted one would.
 */
public interface Masker {

    MaskedSequence mask(TrainingSequence sequence, RandomGenerator random);
}
