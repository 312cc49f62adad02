package org.bert4j.train.vocab;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The corpus words as symbol-id sequences with their counts, and what BPE merging needs to pick the next merge
 * quickly: how often each adjacent pair of symbols occurs (weighted by word count) and which words hold it. A
 * merge re-counts only the words it changes, so the counts stay exact; the priority queue is lazy (an entry whose
 * count went stale is dropped when it surfaces, a fresh entry having been pushed when the count changed).
 */
final class SymbolWords {

    /** A pair and its count when queued; pairs pack two non-negative ids into a long (first in the high half). */
    record Candidate(long pair, long count) {
        int first() { return (int) (pair >>> 32); }

        int second() { return (int) pair; }
    }

    /** HF's BpeTrainer order: highest count first, ties to the smaller pair (first id, then second). */
    private static final Comparator<Candidate> ORDER =
            Comparator.comparingLong(Candidate::count).reversed().thenComparingLong(Candidate::pair);

    private final int[][] symbols;
    private final long[] counts;
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> pairWords = new HashMap<>(); // may still list words merged away
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>(ORDER);

    SymbolWords(List<int[]> words, List<Long> wordCounts) {
        symbols = words.toArray(new int[0][]);
        counts = wordCounts.stream().mapToLong(Long::longValue).toArray();
        Set<Long> touched = new HashSet<>();
        for (int w = 0; w < symbols.length; w++) addPairs(w, symbols[w], 1, touched);
        enqueue(touched);
    }

    static long pair(int first, int second) {
        return (long) first << 32 | second;
    }

    /** The most frequent pair left, or null when no word has two symbols any more. */
    Candidate best() {
        while (!queue.isEmpty()) {
            Candidate c = queue.poll();
            Long current = pairCounts.get(c.pair());
            if (current != null && current == c.count()) return c;
        }
        return null;
    }

    /** Replaces every occurrence of {@code pair} (left to right, not overlapping) by {@code merged}. */
    void merge(long pair, int merged) {
        Set<Integer> where = pairWords.remove(pair);
        if (where == null) return;
        int first = (int) (pair >>> 32);
        int second = (int) pair;
        Set<Long> touched = new HashSet<>();
        for (int w : where) {
            int[] before = symbols[w];
            int[] after = replace(before, first, second, merged);
            if (after == before) continue;
            addPairs(w, before, -1, touched);
            symbols[w] = after;
            addPairs(w, after, 1, touched);
        }
        enqueue(touched);
    }

    private static int[] replace(int[] word, int first, int second, int merged) {
        int[] out = new int[word.length];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
            if (i + 1 < word.length && word[i] == first && word[i + 1] == second) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = word[i];
            }
        }
        return n == word.length ? word : java.util.Arrays.copyOf(out, n);
    }

    private void addPairs(int w, int[] word, int sign, Set<Long> touched) {
        for (int i = 0; i + 1 < word.length; i++) {
            long p = pair(word[i], word[i + 1]);
            long updated = pairCounts.merge(p, sign * counts[w], Long::sum);
            if (updated == 0) pairCounts.remove(p);
            if (sign > 0) pairWords.computeIfAbsent(p, k -> new HashSet<>()).add(w);
            touched.add(p);
        }
    }

    private void enqueue(Set<Long> pairs) {
        for (long p : pairs) {
            Long count = pairCounts.get(p);
            if (count != null && count > 0) queue.add(new Candidate(p, count));
        }
    }
}
