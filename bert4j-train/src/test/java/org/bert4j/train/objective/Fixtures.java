package org.bert4j.train.objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.masking.MaskedSequence;

/** Hand-made masked sequences over the tiny vocabulary (ids 0 pad, 1 [CLS], 2 [SEP], 3 [MASK], 4.. words). */
final class Fixtures {

    static final int PAD = 0;
    static final int CLS = 1;
    static final int SEP = 2;
    static final int MASK = 3;

    private Fixtures() {}

    /**
     * {@code [CLS] a [SEP] b [SEP]} of the given total lengths (≥ 5), random words, the second segment of type 1,
     * {@code masked[i]} distinct word positions replaced by [MASK], random pair labels.
     */
    static List<MaskedSequence> randomPairs(Random random, int[] lengths, int[] masked) {
        List<MaskedSequence> out = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            int n = lengths[i];
            int[] words = new int[n - 3];
            for (int k = 0; k < words.length; k++) words[k] = 4 + random.nextInt(TinyModels.VOCAB - 4);
            int split = Math.max(1, words.length / 2);
            MaskedSequence unmasked = pair(slice(words, 0, split), slice(words, split, words.length), random.nextInt(2));
            out.add(maskRandomly(random, unmasked, masked[i]));
        }
        return out;
    }

    /** An unmasked {@code [CLS] a [SEP] b [SEP]} with its label, as a masker would receive it. */
    static MaskedSequence pair(int[] a, int[] b, int label) {
        int n = a.length + b.length + 3;
        int[] ids = new int[n];
        int[] types = new int[n];
        ids[0] = CLS;
        System.arraycopy(a, 0, ids, 1, a.length);
        ids[a.length + 1] = SEP;
        System.arraycopy(b, 0, ids, a.length + 2, b.length);
        ids[n - 1] = SEP;
        for (int t = a.length + 2; t < n; t++) types[t] = 1;
        return new MaskedSequence(ids, types, new int[0], new int[0], label);
    }

    /** Replaces {@code count} distinct non-special positions by [MASK], ascending, keeping the originals as labels. */
    static MaskedSequence maskRandomly(Random random, MaskedSequence s, int count) {
        List<Integer> candidates = new ArrayList<>();
        for (int t = 0; t < s.length(); t++) if (s.inputIds()[t] > MASK) candidates.add(t);
        Collections.shuffle(candidates, random);
        int[] positions = candidates.subList(0, count).stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] ids = s.inputIds().clone();
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            labels[k] = ids[positions[k]];
            ids[positions[k]] = MASK;
        }
        return new MaskedSequence(ids, s.typeIds(), positions, labels, s.pairLabel());
    }

    private static int[] slice(int[] a, int from, int to) {
        return Arrays.copyOfRange(a, from, to);
    }
}
