package org.bert4j.train.data.sequence;

import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.bert4j.train.data.SequenceSource;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * NSP or SOP pairs {@code [CLS] A [SEP] B [SEP]} (type ids 0 up to the first [SEP], 1 after), one per chunk
 * ({@link PairChunks}). Each time a pair is asked for, with the generator the loop supplies: the chunk is split
 * at a random unit boundary into A and B (a one-unit chunk at a random token); for NSP, with probability 1/2, B
 * is replaced by a span of another document (label 1); for SOP, with probability 1/2, A and B are swapped
 * (label 1); then the longer side loses a token from a random end until the pair fits (BERT's
 * {@code truncate_seq_pair}).
 *
 * <p>Two departures from BERT, both so that {@link #length} is known before the draw: the random B is as long as
 * the B it replaces, taken from a sentence start of a document drawn uniformly among the other documents with
 * enough tokens ({@link RandomPartners}; BERT fills up to the target length from any document, which makes
 * negatives longer than positives in short documents, a cue that has nothing to do with coherence), and the
 * chunk's unused tail is not put back for the next chunk. Only when no other document is long enough is a
 * negative shorter than {@link #length} says; it is never longer.
 */
public final class SentencePairSequences implements SequenceSource {

    private final TokenizedCorpus corpus;
    private final SpecialTokens specials;
    private final int[] documents;
    private final PairTask task;
    private final int maxLength;
    private final PairChunks chunks;
    private final RandomPartners partners;

    private SentencePairSequences(TokenizedCorpus corpus, int[] documents, PairTask task, int maxLength, PairChunks chunks) {
        this.corpus = corpus;
        this.specials = corpus.specialTokens();
        this.documents = documents;
        this.task = task;
        this.maxLength = maxLength;
        this.chunks = chunks;
        this.partners = task == PairTask.NSP ? new RandomPartners(corpus, documents) : null;
    }

    /** BERT's defaults: every document, short sequences with probability 0.1. */
    public static SentencePairSequences of(TokenizedCorpus corpus, PairTask task, int maxLength, long seed) {
        return of(corpus, IntStream.range(0, corpus.documents()).toArray(), task, maxLength, 0.1, seed);
    }

    /** @param seed lays out the chunks (their target lengths); pairs are drawn from the generator given to {@link #get} */
    public static SentencePairSequences of(TokenizedCorpus corpus, int[] documents, PairTask task, int maxLength,
                                           double shortSequenceProbability, long seed) {
        if (maxLength < 5) throw new IllegalArgumentException("maxLength must leave room for [CLS] A [SEP] B [SEP], got " + maxLength);
        if (task == PairTask.NSP && documents.length < 2) {
            throw new IllegalArgumentException("NSP draws random segments from other documents: needs at least 2, got " + documents.length);
        }
        PairChunks chunks = PairChunks.layOut(corpus, documents, maxLength - 3, shortSequenceProbability, seed);
        return new SentencePairSequences(corpus, documents.clone(), task, maxLength, chunks);
    }

    @Override
    public int size() { return chunks.size(); }

    @Override
    public int length(int index) {
        return (int) Math.min(chunks.end(index) - chunks.starts[index], maxLength - 3) + 3;
    }

    @Override
    public TrainingSequence get(int index, RandomGenerator random) {
        long start = chunks.starts[index];
        long end = chunks.end(index);
        int units = chunks.units(index);
        long split = units >= 2 ? chunks.unitEnds[chunks.firstUnit[index] + random.nextInt(1, units) - 1]
                : start + random.nextLong(1, end - start);
        long[] a = {start, split};
        long[] b = {split, end};
        int label = 0;
        if (task == PairTask.NSP && random.nextBoolean()) {
            b = randomSpan(chunks.documentSlots[index], end - split, random);
            label = 1;
        } else if (task == PairTask.SOP && random.nextBoolean()) {
            long[] t = a;
            a = b;
            b = t;
            label = 1;
        }
        truncate(a, b, maxLength - 3, random);
        return new SequenceAssembler(corpus, maxLength).special(specials.cls(), 0).tokens(a[0], a[1], 0)
                .special(specials.sep(), 0).tokens(b[0], b[1], 1).special(specials.sep(), 1).build(label);
    }

    /** {@code wanted} tokens of another document, from one of its sentence starts that leaves room for them. */
    private long[] randomSpan(int ownSlot, long wanted, RandomGenerator random) {
        int document = documents[partners.draw(ownSlot, wanted, random)];
        long documentEnd = corpus.documentEndToken(document);
        long first = corpus.firstSentence(document);
        long roomy = first; // sentences first..roomy start early enough (all of them, if none does)
        while (roomy + 1 < corpus.endSentence(document) && corpus.firstToken(roomy + 1) + wanted <= documentEnd) roomy++;
        long from = corpus.firstToken(first + random.nextLong(roomy - first + 1));
        return new long[] {from, Math.min(documentEnd, from + wanted)};
    }

    /** BERT's {@code truncate_seq_pair}: trim the longer side (B on a tie) at a random end until the pair fits. */
    private static void truncate(long[] a, long[] b, int maxTokens, RandomGenerator random) {
        while ((a[1] - a[0]) + (b[1] - b[0]) > maxTokens) {
            long[] longer = a[1] - a[0] > b[1] - b[0] ? a : b;
            if (random.nextBoolean()) longer[0]++;
            else longer[1]--;
        }
    }
}
