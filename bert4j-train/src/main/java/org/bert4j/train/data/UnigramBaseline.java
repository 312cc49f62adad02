package org.bert4j.train.data;

import java.util.Locale;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * What MLM scores without looking at context, to judge a pre-training run against: a unigram model fitted on the
 * training documents and scored on the held-out ones. {@code modeAccuracy} predicts the most frequent training
 * token everywhere; {@code crossEntropy} is the held-out loss (nats) of the add-one-smoothed unigram distribution.
 * With the 80/10/10 corruption a context-free model can also copy the 10% of chosen tokens left unchanged, so
 * {@link #copyAwareAccuracy} (= keep + (1 − keep)·mode) is the fairer accuracy floor.
 */
public record UnigramBaseline(double modeAccuracy, double crossEntropy, int modeToken, long heldOutTokens) {

    public static UnigramBaseline of(TokenizedCorpus corpus, int[] trainDocuments, int[] heldOutDocuments, int vocabSize) {
        long[] counts = new long[vocabSize];
        long total = 0;
        for (int d : trainDocuments) {
            for (long t = corpus.documentFirstToken(d); t < corpus.documentEndToken(d); t++) {
                counts[corpus.tokenId(t)]++;
                total++;
            }
        }
        int mode = 0;
        for (int i = 1; i < vocabSize; i++) if (counts[i] > counts[mode]) mode = i;
        double denominator = total + vocabSize; // add-one smoothing: an unseen held-out token has finite loss
        double nll = 0;
        long hits = 0;
        long n = 0;
        for (int d : heldOutDocuments) {
            for (long t = corpus.documentFirstToken(d); t < corpus.documentEndToken(d); t++) {
                int id = corpus.tokenId(t);
                nll -= Math.log((counts[id] + 1) / denominator);
                if (id == mode) hits++;
                n++;
            }
        }
        if (n == 0) throw new IllegalArgumentException("no held-out tokens to score the unigram baseline on");
        return new UnigramBaseline((double) hits / n, nll / n, mode, n);
    }

    /** Accuracy of "copy the input if it is the original, else predict the mode" under the given keep fraction. */
    public double copyAwareAccuracy(double keepFraction) {
        return keepFraction + (1 - keepFraction) * modeAccuracy;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "unigram baseline on %d held-out tokens: loss %.4f, accuracy %.4f (token %d)",
                heldOutTokens, crossEntropy, modeAccuracy, modeToken);
    }
}
