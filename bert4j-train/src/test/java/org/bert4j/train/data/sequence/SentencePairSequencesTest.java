package org.bert4j.train.data.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.bert4j.train.data.SequenceRandom;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.TestCorpora;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.data.tokenized.TokenizedCorpus;
import org.junit.jupiter.api.Test;

/**
 * NSP and SOP pairs on the head of FewCLUE eprstmt (3000 reviews). Token ids (below 65536) are written as chars so
 * "is this segment a contiguous piece of the corpus" is a {@code String.indexOf}.
 */
class SentencePairSequencesTest {

    private static final int MAX_LENGTH = 128;
    private static final long SEED = 17;

    @Test
    void sopKeepsOrderForLabelZeroAndSwapsForLabelOne() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        SentencePairSequences pairs = SentencePairSequences.of(corpus, PairTask.SOP, MAX_LENGTH, SEED);
        String text = corpusText(corpus);
        int swapped = 0;
        int checked = 0;
        int swappedStillInOrder = 0;
        for (int i = 0; i < pairs.size(); i++) {
            TrainingSequence s = pairs.get(i, SequenceRandom.forSequence(SEED, 0, i));
            String[] ab = segments(s, corpus.specialTokens());
            assertEquals(pairs.length(i), s.length(), "SOP lengths are known before the draw");
            swapped += s.pairLabel();
            if (s.length() == MAX_LENGTH) continue; // truncated: the trimmed halves need not be adjacent any more
            checked++;
            if (s.pairLabel() == 0) {
                assertTrue(text.contains(ab[0] + ab[1]), "sequence " + i + ": A then B is the text in order");
            } else {
                assertTrue(text.contains(ab[1] + ab[0]), "sequence " + i + ": B then A is the text in order");
                if (text.contains(ab[0] + ab[1])) swappedStillInOrder++;
            }
        }
        assertTrue(checked > 0.9 * pairs.size(), "most eprstmt reviews fit in 125 tokens: " + checked);
        assertTrue(swappedStillInOrder < 0.01 * swapped, "swapping changes the order: " + swappedStillInOrder);
        assertBalanced(swapped, pairs.size());
    }

    @Test
    void nspReplacesBWithASpanOfAnotherDocumentForLabelOne() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        SentencePairSequences pairs = SentencePairSequences.of(corpus, PairTask.NSP, MAX_LENGTH, SEED);
        String text = corpusText(corpus);
        int random = 0;
        int randomButInOrder = 0;
        for (int i = 0; i < pairs.size(); i++) {
            TrainingSequence s = pairs.get(i, SequenceRandom.forSequence(SEED, 0, i));
            String[] ab = segments(s, corpus.specialTokens());
            // eprstmt's head has documents longer than B can be (125 tokens), so a partner always exists
            assertEquals(pairs.length(i), s.length(), "sequence " + i + ": a random B is as long as the B it replaces");
            assertTrue(text.contains(ab[1]), "sequence " + i + ": B is a span of the corpus");
            if (s.pairLabel() == 1) {
                random++;
                if (text.contains(ab[0] + ab[1])) randomButInOrder++;
            } else if (s.length() < MAX_LENGTH) {
                assertTrue(text.contains(ab[0] + ab[1]), "sequence " + i + ": B follows A");
            }
        }
        assertTrue(IntStream.range(0, corpus.documents()).filter(d -> corpus.documentEndToken(d) - corpus.documentFirstToken(d) > 125)
                .count() >= 2, "the premise: at least two documents can supply any B");
        assertTrue(randomButInOrder < 0.01 * random, "random B does not continue A: " + randomButInOrder);
        assertBalanced(random, pairs.size());
    }

    /** The same (seed, epoch, index) gives the same pair; the next epoch draws split and label afresh. */
    @Test
    void drawsAreReproducibleAndChangeWithTheEpoch() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        SentencePairSequences pairs = SentencePairSequences.of(corpus, PairTask.SOP, MAX_LENGTH, SEED);
        int changed = 0;
        for (int i = 0; i < 500; i++) {
            TrainingSequence a = pairs.get(i, SequenceRandom.forSequence(SEED, 0, i));
            TrainingSequence again = pairs.get(i, SequenceRandom.forSequence(SEED, 0, i));
            TrainingSequence next = pairs.get(i, SequenceRandom.forSequence(SEED, 1, i));
            assertEquals(Arrays.toString(a.ids()) + a.pairLabel(), Arrays.toString(again.ids()) + again.pairLabel());
            if (!Arrays.equals(a.ids(), next.ids())) changed++;
        }
        // The label alone flips with probability 1/2, and then the ids differ (A and B swap sides).
        assertTrue(changed > 250, "epochs differ: " + changed + " of 500");
    }

    @Test
    void nspNeedsASecondDocument() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SentencePairSequences.of(corpus, new int[] {0}, PairTask.NSP, MAX_LENGTH, 0.1, SEED));
        assertEquals("NSP draws random segments from other documents: needs at least 2, got 1", e.getMessage());
    }

    /**
     * Label 1 with probability 1/2: the count is Binomial(n, 1/2), standard deviation sqrt(n)/2 (about 27 for
     * n = 3000); 4 deviations is a false alarm once in 16,000 seeds, and a coin that is not fair fails it.
     */
    private static void assertBalanced(int ones, int n) {
        double sd = Math.sqrt(n) / 2;
        assertTrue(Math.abs(ones - n / 2.0) <= 4 * sd, ones + " label-1 pairs of " + n);
    }

    /**
     * Checks the layout {@code [CLS] A [SEP] B [SEP]} with type ids 0 up to the first [SEP] and 1 after it, and
     * returns A and B as char strings.
     */
    private static String[] segments(TrainingSequence s, SpecialTokens sp) {
        int n = s.length();
        assertTrue(n <= MAX_LENGTH);
        assertEquals(sp.cls(), s.ids()[0]);
        int[] specials = IntStream.range(0, n).filter(j -> !s.maskable()[j]).toArray();
        assertEquals(3, specials.length, "[CLS] and two [SEP]s are the only unmaskable tokens");
        int firstSep = specials[1];
        assertEquals(n - 1, specials[2]);
        assertEquals(sp.sep(), s.ids()[firstSep]);
        assertEquals(sp.sep(), s.ids()[n - 1]);
        assertTrue(firstSep >= 2 && firstSep <= n - 3, "A and B are not empty");
        for (int j = 0; j < n; j++) assertEquals(j <= firstSep ? 0 : 1, s.typeIds()[j], "type id at " + j);
        assertTrue(s.wordStarts()[1] && s.wordStarts()[firstSep + 1], "a segment starts a word");
        return new String[] {chars(s.ids(), 1, firstSep), chars(s.ids(), firstSep + 1, n - 1)};
    }

    private static String corpusText(TokenizedCorpus corpus) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < corpus.documents(); d++) {
            for (long t = corpus.documentFirstToken(d); t < corpus.documentEndToken(d); t++) b.append((char) corpus.tokenId(t));
            b.append('\uFFFF'); // no pair may run across a document end
        }
        return b.toString();
    }

    private static String chars(int[] ids, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int j = from; j < to; j++) b.append((char) ids[j]);
        return b.toString();
    }
}
