package org.bert4j.train.masking;

import java.util.random.RandomGenerator;
import org.bert4j.train.data.TrainingSequence;

/**
 * BERT's corruption of the chosen positions (Devlin et al. 2019, §3.1): [MASK], a random token or the original,
 * decided independently per position with the policy's fractions, as {@code create_masked_lm_predictions} does
 * (also for whole words: the pieces of one word can get different treatments there too). Written once for all
 * strategies.
 */
final class TokenCorruption {

    private final MaskingPolicy policy;

    TokenCorruption(MaskingPolicy policy) {
        this.policy = policy;
    }

    /** @param chosen true at the positions to predict (never at non-maskable ones: the caller guarantees it) */
    MaskedSequence apply(TrainingSequence sequence, boolean[] chosen, RandomGenerator random) {
        int[] original = sequence.ids();
        int count = 0;
        for (boolean c : chosen) if (c) count++;
        int[] input = original.clone();
        int[] positions = new int[count];
        int[] labels = new int[count];
        double maskBelow = policy.maskFraction();
        double randomBelow = maskBelow + policy.randomFraction();
        int k = 0;
        for (int i = 0; i < original.length; i++) {
            if (!chosen[i]) continue;
            positions[k] = i;
            labels[k++] = original[i];
            double u = random.nextDouble();
            if (u < maskBelow) input[i] = policy.maskTokenId();
            else if (u < randomBelow) input[i] = randomReplacement(random);
        }
        return new MaskedSequence(input, sequence.typeIds().clone(), positions, labels, sequence.pairLabel());
    }

    /** Uniform over the vocabulary minus {@code neverRandom}, by rejection: the excluded ids are a handful. */
    private int randomReplacement(RandomGenerator random) {
        while (true) {
            int id = random.nextInt(policy.vocabSize());
            if (!policy.neverRandom().contains(id)) return id;
        }
    }
}
