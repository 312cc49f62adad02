package org.bert4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.bert4j.train.data.tokenized.TokenizedCorpus;
import org.junit.jupiter.api.Test;

class UnigramBaselineTest {

    @Test
    void matchesCountsTakenDocumentByDocument() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 400);
        HeldOutSplit split = HeldOutSplit.of(corpus.documents(), 0.2, 7);
        int vocab = corpus.specialTokens().vocabSize();
        UnigramBaseline baseline = UnigramBaseline.of(corpus, split.train(), split.heldOut(), vocab);

        // Independent recount through sentences (not document token ranges) and a map instead of an array.
        Map<Integer, Long> counts = new HashMap<>();
        long total = 0;
        for (int d : split.train()) {
            for (long s = corpus.firstSentence(d); s < corpus.endSentence(d); s++) {
                for (long t = corpus.firstToken(s); t < corpus.endToken(s); t++) {
                    counts.merge(corpus.tokenId(t), 1L, Long::sum);
                    total++;
                }
            }
        }
        int mode = counts.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey((a, b) -> Integer.compare(b, a)))).orElseThrow().getKey();
        double nll = 0;
        long hits = 0;
        long n = 0;
        for (int d : split.heldOut()) {
            for (long s = corpus.firstSentence(d); s < corpus.endSentence(d); s++) {
                for (long t = corpus.firstToken(s); t < corpus.endToken(s); t++) {
                    int id = corpus.tokenId(t);
                    nll += -Math.log((counts.getOrDefault(id, 0L) + 1.0) / (total + vocab));
                    hits += id == mode ? 1 : 0;
                    n++;
                }
            }
        }
        assertEquals(mode, baseline.modeToken());
        assertEquals(n, baseline.heldOutTokens());
        assertEquals((double) hits / n, baseline.modeAccuracy(), 1e-12);
        assertEquals(nll / n, baseline.crossEntropy(), 1e-9);
        // A unigram model is far better than uniform over the vocabulary but far from perfect.
        assertTrue(baseline.crossEntropy() < Math.log(vocab) - 2, baseline.toString());
        assertTrue(baseline.modeAccuracy() < 0.2, baseline.toString());
        assertEquals(0.1 + 0.9 * baseline.modeAccuracy(), baseline.copyAwareAccuracy(0.1), 1e-12);
    }
}
