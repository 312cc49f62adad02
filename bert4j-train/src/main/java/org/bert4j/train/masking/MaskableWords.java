package org.bert4j.train.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bert4j.train.data.TrainingSequence;

/**
 * Cuts a sequence's maskable tokens into masking units. A word is a maximal run of maskable tokens that begins at
 * a {@code wordStarts} token (or just after a non-maskable one) and continues over non-start tokens: the {@code ##}
 * pieces of an English word, the characters of a jieba word. Units are then consecutive words of a drawn length
 * that never reach across a non-maskable token ([SEP] between segments), so a span stays inside one segment.
 */
final class MaskableWords {

    private MaskableWords() {}

    /** @param endsRun the next token is not maskable (or the sequence ends): no unit continues past this word */
    record Word(int start, int end, boolean endsRun) {}

    /** @param wholeWords false: every maskable token is its own word (token-level masking) */
    static List<Word> of(TrainingSequence sequence, boolean wholeWords) {
        boolean[] maskable = sequence.maskable();
        boolean[] starts = sequence.wordStarts();
        int n = sequence.length();
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!maskable[i]) {
                i++;
                continue;
            }
            int end = i + 1;
            if (wholeWords) while (end < n && maskable[end] && !starts[end]) end++;
            words.add(new Word(i, end, end == n || !maskable[end]));
            i = end;
        }
        return words;
    }

    /**
     * Partitions the words, left to right, into units of {@code lengths.draw()} words each; a draw that runs past
     * the end of a run of maskable words is cut there (SpanBERT stops a span at the sentence end). Because the
     * units never overlap, choosing among them needs no retry loop, and a chosen unit's length has exactly the
     * drawn distribution (ALBERT's rejection of overlapping n-grams favours short ones).
     */
    static List<MaskingUnit> partition(List<Word> words, UnitLengths lengths, RandomGenerator random) {
        List<MaskingUnit> units = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int wanted = lengths.draw(random);
            int taken = 1;
            while (taken < wanted && !words.get(i + taken - 1).endsRun()) taken++;
            units.add(new MaskingUnit(i, taken, words.get(i).start(), words.get(i + taken - 1).end()));
            i += taken;
        }
        return units;
    }
}
