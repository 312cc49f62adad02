package org.bert4j.train.data.sequence;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * Draws the document an NSP negative takes its B segment from: uniformly among the other documents long enough
 * to supply it. Documents are kept sorted by token count, so the candidates are a suffix found by binary search.
 * Restricting to long-enough documents is what keeps a negative exactly as long as the positive it replaces.
 */
final class RandomPartners {

    private final int[] slotsByLength; // positions in the documents array, shortest document first
    private final long[] sortedLengths;

    RandomPartners(TokenizedCorpus corpus, int[] documents) {
        long[] keyed = new long[documents.length];
        for (int slot = 0; slot < documents.length; slot++) {
            long length = corpus.documentEndToken(documents[slot]) - corpus.documentFirstToken(documents[slot]);
            keyed[slot] = (length << 32) | slot; // a document has fewer than 2^31 tokens
        }
        Arrays.sort(keyed);
        slotsByLength = new int[documents.length];
        sortedLengths = new long[documents.length];
        for (int i = 0; i < keyed.length; i++) {
            slotsByLength[i] = (int) keyed[i];
            sortedLengths[i] = keyed[i] >>> 32;
        }
    }

    /** A slot other than {@code ownSlot} with at least {@code wanted} tokens; the longest other one when none has. */
    int draw(int ownSlot, long wanted, RandomGenerator random) {
        int n = slotsByLength.length;
        int first = firstAtLeast(wanted);
        if (first == n || (first == n - 1 && slotsByLength[first] == ownSlot)) {
            return slotsByLength[n - 1] != ownSlot ? slotsByLength[n - 1] : slotsByLength[n - 2];
        }
        while (true) { // at least one candidate is not ownSlot: expected draws <= 2
            int slot = slotsByLength[random.nextInt(first, n)];
            if (slot != ownSlot) return slot;
        }
    }

    private int firstAtLeast(long wanted) {
        int lo = 0;
        int hi = sortedLengths.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedLengths[mid] < wanted) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
