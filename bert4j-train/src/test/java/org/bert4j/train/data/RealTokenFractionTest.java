package org.bert4j.train.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bert4j.train.data.sequence.PackedSequences;
import org.bert4j.train.data.sequence.PackingMode;
import org.bert4j.train.data.sequence.PairTask;
import org.bert4j.train.data.sequence.SentencePairSequences;
import org.bert4j.train.data.tokenized.TokenizedCorpus;
import org.junit.jupiter.api.Test;

/**
 * The padding requirement: at maxLength 128 and batch 32, at least 95% of the token slots of an epoch's
 * batches hold real tokens, for every input layout, on the heads of three FewCLUE corpora with different
 * document lengths (tnews: news titles, eprstmt: reviews, chid: news passages). Pair sources are measured on
 * the sequences actually drawn for the epoch, not their planned lengths.
 */
class RealTokenFractionTest {

    private static final int MAX_LENGTH = 128;
    private static final int BATCH = 32;
    private static final long SEED = 1234;
    private static final int EPOCH = 3;

    @Test
    void batchesAreAtLeast95PercentRealTokens() {
        List<String> failures = new ArrayList<>();
        for (String file : List.of("tnews.json", "eprstmt.json", "chid.json")) {
            TokenizedCorpus corpus = TestCorpora.fewClue(file, 3000);
            List<SequenceSource> sources = List.of(
                    PackedSequences.pack(corpus, PackingMode.FULL_SENTENCES, MAX_LENGTH),
                    PackedSequences.pack(corpus, PackingMode.DOC_SENTENCES, MAX_LENGTH),
                    SentencePairSequences.of(corpus, PairTask.NSP, MAX_LENGTH, SEED),
                    SentencePairSequences.of(corpus, PairTask.SOP, MAX_LENGTH, SEED));
            List<String> names = List.of("FULL_SENTENCES", "DOC_SENTENCES", "NSP", "SOP");
            for (int k = 0; k < sources.size(); k++) {
                SequenceSource source = sources.get(k);
                BatchPlan plan = new BatchPlanner(BATCH).plan(source, SEED, EPOCH);
                double drawn = drawnFraction(source, plan);
                System.out.printf(Locale.ROOT, "%-13s %-15s %5d sequences %4d batches  planned %.4f  drawn %.4f%n",
                        file, names.get(k), source.size(), plan.batches().size(), plan.realTokenFraction(), drawn);
                if (drawn < 0.95) failures.add(file + " " + names.get(k) + ": " + drawn);
            }
        }
        assertTrue(failures.isEmpty(), "below 95% real tokens: " + failures);
    }

    /** Real tokens over slots when each batch is padded to its longest drawn sequence. */
    private static double drawnFraction(SequenceSource source, BatchPlan plan) {
        long real = 0;
        long slots = 0;
        for (int[] batch : plan.batches()) {
            int longest = 0;
            for (int i : batch) {
                int n = source.get(i, SequenceRandom.forSequence(SEED, EPOCH, i)).length();
                real += n;
                longest = Math.max(longest, n);
            }
            slots += (long) longest * batch.length;
        }
        return (double) real / slots;
    }
}
