package org.bert4j.train.data.tokenized;

import java.util.Locale;

/**
 * Counts of a tokenised corpus. Documents and sentences that tokenise to nothing are not stored and not
 * counted; {@code skippedLines} are the unreadable lines reported while reading.
 */
public record CorpusStats(long documents, long sentences, long tokens, long skippedLines) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d documents, %,d sentences, %,d tokens, %,d skipped lines",
                documents, sentences, tokens, skippedLines);
    }
}
