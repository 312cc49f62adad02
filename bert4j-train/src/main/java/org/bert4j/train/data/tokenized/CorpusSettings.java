package org.bert4j.train.data.tokenized;

import java.nio.file.Path;
import java.util.List;
import org.bert4j.train.data.corpus.CorpusFormat;

/**
 * What a tokenised corpus is made from; every field is part of its cache key.
 *
 * @param inputs       files and directories ({@link org.bert4j.train.data.corpus.CorpusFiles})
 * @param maxDocuments read at most this many documents (a quick run on the head of a large corpus)
 */
public record CorpusSettings(List<Path> inputs, CorpusFormat format, Path tokenizerJson,
                             WordBoundaryMode wordBoundaries, long maxDocuments) {

    public CorpusSettings {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no corpus input given");
        if (maxDocuments <= 0) throw new IllegalArgumentException("maxDocuments must be positive, got " + maxDocuments);
        inputs = List.copyOf(inputs);
    }

    /** Format by file extension, word boundaries by script, every document. */
    public static CorpusSettings of(List<Path> inputs, Path tokenizerJson) {
        return new CorpusSettings(inputs, CorpusFormat.auto(), tokenizerJson, WordBoundaryMode.AUTO, Long.MAX_VALUE);
    }

    public CorpusSettings withFormat(CorpusFormat f) {
        return new CorpusSettings(inputs, f, tokenizerJson, wordBoundaries, maxDocuments);
    }

    public CorpusSettings withWordBoundaries(WordBoundaryMode mode) {
        return new CorpusSettings(inputs, format, tokenizerJson, mode, maxDocuments);
    }

    public CorpusSettings withMaxDocuments(long max) {
        return new CorpusSettings(inputs, format, tokenizerJson, wordBoundaries, max);
    }
}
