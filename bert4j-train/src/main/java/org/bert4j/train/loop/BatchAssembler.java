package org.bert4j.train.loop;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bert4j.train.data.SequenceRandom;
import org.bert4j.train.data.SequenceSource;
import org.bert4j.train.masking.Masker;
import org.bert4j.train.masking.MaskedSequence;
import org.bert4j.train.objective.TrainingBatch;

/**
 * Sequence indices → a masked, collated batch. Each sequence gets its own generator from (seed, epoch, index),
 * used first by the source (NSP/SOP draws) and then by the masker, so masks are dynamic across epochs and
 * identical between an interrupted and an uninterrupted run.
 */
public final class BatchAssembler {

    private final SequenceSource source;
    private final Masker masker;
    private final Collator collator;
    private final long seed;

    public BatchAssembler(SequenceSource source, Masker masker, Collator collator, long seed) {
        this.source = source;
        this.masker = masker;
        this.collator = collator;
        this.seed = seed;
    }

    public TrainingBatch assemble(NDManager manager, int epoch, int[] sequences) {
        List<MaskedSequence> masked = new ArrayList<>(sequences.length);
        for (int index : sequences) {
            RandomGenerator random = SequenceRandom.forSequence(seed, epoch, index);
            masked.add(masker.mask(source.get(index, random), random));
        }
        return collator.collate(manager, masked);
    }

    public SequenceSource source() { return source; }
}
