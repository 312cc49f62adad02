package org.bert4j.train.data.sequence;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * The chunks NSP/SOP pairs are cut from, as in BERT's {@code create_instances_from_document}: a document's
 * sentences are gathered until they reach a target length ({@code maxTokens}, or with probability
 * {@code shortSequenceProbability} a uniform length in [2, maxTokens], drawn once per document, to narrow the gap
 * to short fine-tuning inputs), then a chunk is closed; the document's last chunk may be shorter. A sentence
 * longer than {@code maxTokens} enters as several pieces (BERT would truncate it away). Unit ends (sentence or
 * piece boundaries) are where a chunk may be split into A and B. Chunks of one token cannot form a pair and are
 * left out. Laid out once, from {@code seed}: every epoch sees the same chunks, split and paired afresh.
 */
final class PairChunks {

    final long[] starts; // first token of chunk c
    final int[] firstUnit; // unit ends of chunk c: unitEnds[firstUnit[c]] .. unitEnds[firstUnit[c + 1] - 1]
    final long[] unitEnds;
    final int[] documentSlots; // position of the chunk's document in the documents array

    private PairChunks(long[] starts, int[] firstUnit, long[] unitEnds, int[] documentSlots) {
        this.starts = starts;
        this.firstUnit = firstUnit;
        this.unitEnds = unitEnds;
        this.documentSlots = documentSlots;
    }

    int size() { return starts.length; }

    long end(int chunk) { return unitEnds[firstUnit[chunk + 1] - 1]; }

    int units(int chunk) { return firstUnit[chunk + 1] - firstUnit[chunk]; }

    static PairChunks layOut(TokenizedCorpus corpus, int[] documents, int maxTokens, double shortSequenceProbability, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LongStream.Builder starts = LongStream.builder();
        IntStream.Builder firstUnit = IntStream.builder();
        LongStream.Builder unitEnds = LongStream.builder();
        IntStream.Builder slots = IntStream.builder();
        long[] open = new long[16]; // unit ends of the chunk being gathered
        int openUnits = 0;
        int units = 0;
        for (int slot = 0; slot < documents.length; slot++) {
            int document = documents[slot];
            int target = random.nextDouble() < shortSequenceProbability ? random.nextInt(2, maxTokens + 1) : maxTokens;
            long chunkStart = corpus.documentFirstToken(document);
            long lastSentence = corpus.endSentence(document) - 1;
            for (long s = corpus.firstSentence(document); s <= lastSentence; s++) {
                long end = corpus.endToken(s);
                for (long from = corpus.firstToken(s); from < end; ) {
                    long to = Math.min(end, from + maxTokens);
                    if (openUnits == open.length) open = Arrays.copyOf(open, 2 * open.length);
                    open[openUnits++] = to;
                    from = to;
                    if (to - chunkStart < target && !(to == end && s == lastSentence)) continue;
                    if (to - chunkStart >= 2) {
                        starts.add(chunkStart);
                        firstUnit.add(units);
                        slots.add(slot);
                        for (int u = 0; u < openUnits; u++) unitEnds.add(open[u]);
                        units += openUnits;
                    }
                    chunkStart = to;
                    openUnits = 0;
                }
            }
        }
        return new PairChunks(starts.build().toArray(), firstUnit.add(units).build().toArray(),
                unitEnds.build().toArray(), slots.build().toArray());
    }
}
