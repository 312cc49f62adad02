package org.bert4j.train.data.sequence;

import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bert4j.train.data.SequenceSource;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * RoBERTa packing ({@link PackingMode}): {@code [CLS] sentences [SEP]}, at most {@code maxLength} tokens with
 * the specials, no pair label, all type ids 0. Sentences are never split across sequences unless one alone is
 * longer than the budget; then it is cut into budget-sized pieces. In FULL_SENTENCES a sequence that crosses
 * into the next document has an extra [SEP] between them. Each sequence is a list of pieces (token ranges, one
 * per document it touches), laid out once; the random generator is not used.
 */
public final class PackedSequences implements SequenceSource {

    private final TokenizedCorpus corpus;
    private final SpecialTokens specials;
    private final int maxLength;
    private final long[] pieceStarts;
    private final long[] pieceEnds;
    private final int[] firstPiece; // sequence i has pieces firstPiece[i] .. firstPiece[i + 1] - 1
    private final int[] lengths;

    private PackedSequences(TokenizedCorpus corpus, int maxLength, long[] pieceStarts, long[] pieceEnds,
                            int[] firstPiece, int[] lengths) {
        this.corpus = corpus;
        this.specials = corpus.specialTokens();
        this.maxLength = maxLength;
        this.pieceStarts = pieceStarts;
        this.pieceEnds = pieceEnds;
        this.firstPiece = firstPiece;
        this.lengths = lengths;
    }

    /** Packs every document of the corpus. */
    public static PackedSequences pack(TokenizedCorpus corpus, PackingMode mode, int maxLength) {
        return pack(corpus, IntStream.range(0, corpus.documents()).toArray(), mode, maxLength);
    }

    /** Packs the given documents (e.g. one side of a {@link org.bert4j.train.data.HeldOutSplit}) in the given order. */
    public static PackedSequences pack(TokenizedCorpus corpus, int[] documents, PackingMode mode, int maxLength) {
        if (maxLength < 3) throw new IllegalArgumentException("maxLength must leave room for [CLS], a token and [SEP], got " + maxLength);
        Layout layout = new Layout(maxLength - 2);
        for (int document : documents) {
            for (long s = corpus.firstSentence(document); s < corpus.endSentence(document); s++) {
                layout.addSentence(document, corpus.firstToken(s), corpus.endToken(s));
            }
            if (mode == PackingMode.DOC_SENTENCES) layout.endSequence();
        }
        layout.endSequence();
        return new PackedSequences(corpus, maxLength, layout.starts.build().toArray(), layout.ends.build().toArray(),
                layout.firstPieces.add(layout.pieces).build().toArray(), layout.lengths.build().toArray());
    }

    @Override
    public int size() { return lengths.length; }

    @Override
    public int length(int index) { return lengths[index]; }

    @Override
    public TrainingSequence get(int index, RandomGenerator random) {
        SequenceAssembler out = new SequenceAssembler(corpus, maxLength).special(specials.cls(), 0);
        for (int p = firstPiece[index]; p < firstPiece[index + 1]; p++) {
            if (p > firstPiece[index]) out.special(specials.sep(), 0);
            out.tokens(pieceStarts[p], pieceEnds[p], 0);
        }
        return out.special(specials.sep(), 0).build(TrainingSequence.NO_PAIR_LABEL);
    }

    /**
     * The greedy layout: a sentence goes into the open sequence if it fits, else it starts the next one.
     * Consecutive sentences of one document are merged into one piece as they come.
     */
    private static final class Layout {
        final int budget; // tokens between [CLS] and the final [SEP], document separators included
        final LongStream.Builder starts = LongStream.builder();
        final LongStream.Builder ends = LongStream.builder();
        final IntStream.Builder firstPieces = IntStream.builder();
        final IntStream.Builder lengths = IntStream.builder();
        int pieces; // committed so far
        int used; // budget used by the open sequence; 0 = no open sequence
        boolean sequenceHasPieces;
        long openFrom = -1; // the last piece of the open sequence, still growing
        long openTo;
        int openDocument;

        Layout(int budget) {
            this.budget = budget;
        }

        void addSentence(int document, long from, long to) {
            while (to - from > budget) { // longer than a whole sequence: cut into pieces that fill one each
                endSequence();
                extend(document, from, from + budget);
                endSequence();
                from += budget;
            }
            boolean separator = used > 0 && document != openDocument;
            if (used + (separator ? 1 : 0) + (to - from) > budget) {
                endSequence();
                separator = false;
            }
            if (separator) used++; // RoBERTa's extra [SEP] between documents
            extend(document, from, to);
        }

        private void extend(int document, long from, long to) {
            if (openFrom >= 0 && document == openDocument && from == openTo) {
                openTo = to;
            } else {
                commitPiece();
                openFrom = from;
                openTo = to;
                openDocument = document;
            }
            used += (int) (to - from);
        }

        private void commitPiece() {
            if (openFrom < 0) return;
            if (!sequenceHasPieces) firstPieces.add(pieces);
            sequenceHasPieces = true;
            starts.add(openFrom);
            ends.add(openTo);
            pieces++;
            openFrom = -1;
        }

        void endSequence() {
            if (used == 0) return;
            commitPiece();
            lengths.add(used + 2);
            used = 0;
            sequenceHasPieces = false;
        }
    }
}
