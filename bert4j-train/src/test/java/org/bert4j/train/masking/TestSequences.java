package org.bert4j.train.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.bert4j.train.data.TrainingSequence;

/** Hand-built training sequences with a known word structure: {@code [CLS] segment [SEP] (segment [SEP])}. */
final class TestSequences {

    static final int PAD = 0, UNK = 1, CLS = 2, SEP = 3, MASK = 4;
    static final Set<Integer> SPECIALS = Set.of(PAD, UNK, CLS, SEP, MASK);
    /** Word tokens take ids from here up to the vocabulary size. */
    static final int FIRST_WORD_ID = 5;

    private TestSequences() {}

    static MaskingPolicy bertPolicy(int vocabSize) {
        return MaskingPolicy.bert(MASK, vocabSize, SPECIALS);
    }

    /**
     * @param segments per segment, the token count of each word; token ids cycle through the word ids so that
     *                 neighbouring tokens differ
     */
    static TrainingSequence of(int vocabSize, int[]... segments) {
        List<Integer> ids = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        List<Boolean> maskable = new ArrayList<>();
        addSpecial(CLS, 0, ids, types, starts, maskable);
        int next = 0;
        for (int s = 0; s < segments.length; s++) {
            for (int wordLength : segments[s]) {
                for (int t = 0; t < wordLength; t++) {
                    ids.add(FIRST_WORD_ID + next++ % (vocabSize - FIRST_WORD_ID));
                    types.add(s);
                    starts.add(t == 0);
                    maskable.add(true);
                }
            }
            addSpecial(SEP, s, ids, types, starts, maskable);
        }
        int n = ids.size();
        int[] idArray = new int[n];
        int[] typeArray = new int[n];
        boolean[] startArray = new boolean[n];
        boolean[] maskableArray = new boolean[n];
        for (int i = 0; i < n; i++) {
            idArray[i] = ids.get(i);
            typeArray[i] = types.get(i);
            startArray[i] = starts.get(i);
            maskableArray[i] = maskable.get(i);
        }
        return new TrainingSequence(idArray, typeArray, startArray, maskableArray, TrainingSequence.NO_PAIR_LABEL);
    }

    /** {@code count} words of 1 to {@code maxLength} tokens, uniformly, from a fixed seed. */
    static int[] randomWordLengths(int count, int maxLength, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) lengths[i] = 1 + random.nextInt(maxLength);
        return lengths;
    }

    static int[] repeat(int count, int wordLength) {
        int[] lengths = new int[count];
        java.util.Arrays.fill(lengths, wordLength);
        return lengths;
    }

    static int maskableCount(TrainingSequence s) {
        int n = 0;
        for (boolean m : s.maskable()) if (m) n++;
        return n;
    }

    private static void addSpecial(int id, int type, List<Integer> ids, List<Integer> types, List<Boolean> starts,
                                   List<Boolean> maskable) {
        ids.add(id);
        types.add(type);
        starts.add(true);
        maskable.add(false);
    }
}
