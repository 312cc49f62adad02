package org.bert4j.train.data.sequence;

import java.util.Arrays;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.data.tokenized.TokenizedCorpus;

/**
 * Builds one {@link TrainingSequence} from special tokens and corpus token ranges. Specials start a word and are
 * not maskable. The first token of every range starts a word even when the range begins inside one (a long
 * sentence cut by packing, a segment trimmed by truncation): the rest of that word is not in the sequence, so
 * whole-word masking must not attach the fragment to the separator before it.
 */
final class SequenceAssembler {

    private final TokenizedCorpus corpus;
    private final int[] ids;
    private final int[] typeIds;
    private final boolean[] wordStarts;
    private final boolean[] maskable;
    private int length;

    SequenceAssembler(TokenizedCorpus corpus, int capacity) {
        this.corpus = corpus;
        this.ids = new int[capacity];
        this.typeIds = new int[capacity];
        this.wordStarts = new boolean[capacity];
        this.maskable = new boolean[capacity];
    }

    SequenceAssembler special(int id, int typeId) {
        ids[length] = id;
        typeIds[length] = typeId;
        wordStarts[length] = true;
        maskable[length] = false;
        length++;
        return this;
    }

    SequenceAssembler tokens(long from, long to, int typeId) {
        for (long t = from; t < to; t++) {
            ids[length] = corpus.tokenId(t);
            typeIds[length] = typeId;
            wordStarts[length] = t == from || corpus.wordStart(t);
            maskable[length] = true;
            length++;
        }
        return this;
    }

    TrainingSequence build(int pairLabel) {
        return new TrainingSequence(Arrays.copyOf(ids, length), Arrays.copyOf(typeIds, length),
                Arrays.copyOf(wordStarts, length), Arrays.copyOf(maskable, length), pairLabel);
    }
}
