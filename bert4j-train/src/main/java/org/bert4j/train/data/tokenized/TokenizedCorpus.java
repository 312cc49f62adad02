package org.bert4j.train.data.tokenized;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.corpus.CorpusProblem;

/**
 * A tokenised corpus read back from its cache directory, memory-mapped: token ids and word-start flags by global
 * token index, sentences as token ranges, documents as sentence ranges. Indices are longs because a corpus may
 * hold more than 2^31 tokens; documents are counted in ints like every sequence index.
 */
public final class TokenizedCorpus {

    static final String TOKENS = "tokens.i32";
    static final String WORD_STARTS = "word-starts.bits";
    static final String SENTENCE_ENDS = "sentence-ends.i64";
    static final String DOCUMENT_ENDS = "document-ends.i64";

    private final Path directory;
    private final CorpusHeader header;
    private final boolean fromCache;
    private final MappedColumn tokens;
    private final MappedColumn wordStarts;
    private final MappedColumn sentenceEnds;
    private final MappedColumn documentEnds;

    private TokenizedCorpus(Path directory, CorpusHeader header, boolean fromCache) throws IOException {
        this.directory = directory;
        this.header = header;
        this.fromCache = fromCache;
        this.tokens = column(TOKENS, header.tokens() * Integer.BYTES);
        this.wordStarts = column(WORD_STARTS, (header.tokens() + 7) / 8);
        this.sentenceEnds = column(SENTENCE_ENDS, header.sentences() * Long.BYTES);
        this.documentEnds = column(DOCUMENT_ENDS, header.documents() * Long.BYTES);
        if (header.documents() > Integer.MAX_VALUE) throw new IllegalStateException(directory + ": more than 2^31 documents");
    }

    /**
     * The corpus these settings describe: from {@code cacheRoot} when an earlier run made it, tokenised (with a
     * progress bar on stderr) and stored there otherwise. Unreadable lines go to {@code problems}.
     */
    public static TokenizedCorpus open(CorpusSettings settings, Path cacheRoot, Consumer<CorpusProblem> problems) {
        return CorpusCache.open(settings, cacheRoot, problems);
    }

    /** A cache directory made earlier. */
    public static TokenizedCorpus read(Path directory) {
        return read(directory, true);
    }

    static TokenizedCorpus read(Path directory, boolean fromCache) {
        try {
            return new TokenizedCorpus(directory, CorpusHeader.read(directory), fromCache);
        } catch (IOException e) {
            throw new UncheckedIOException(directory + ": cannot map the tokenised corpus", e);
        }
    }

    private MappedColumn column(String name, long expectedBytes) throws IOException {
        MappedColumn c = MappedColumn.map(directory.resolve(name));
        if (c.bytes() != expectedBytes) {
            throw new IllegalStateException(directory.resolve(name) + ": " + c.bytes() + " bytes where the header's counts need "
                    + expectedBytes + "; delete " + directory + " to tokenise again");
        }
        return c;
    }

    public Path directory() { return directory; }

    public String key() { return header.key(); }

    /** True when this run found the corpus already tokenised. */
    public boolean fromCache() { return fromCache; }

    public CorpusStats stats() { return header.stats(); }

    /** The ids of the tokenizer the corpus was made with. */
    public SpecialTokens specialTokens() { return header.specialTokens(); }

    public int documents() { return (int) header.documents(); }

    public long sentences() { return header.sentences(); }

    public long tokens() { return header.tokens(); }

    public long firstSentence(int document) { return document == 0 ? 0 : documentEnds.getLong(document - 1); }

    public long endSentence(int document) { return documentEnds.getLong(document); }

    public long firstToken(long sentence) { return sentence == 0 ? 0 : sentenceEnds.getLong(sentence - 1); }

    public long endToken(long sentence) { return sentenceEnds.getLong(sentence); }

    public long documentFirstToken(int document) { return firstToken(firstSentence(document)); }

    public long documentEndToken(int document) { return endToken(endSentence(document) - 1); }

    public int tokenId(long token) { return tokens.getInt(token); }

    public boolean wordStart(long token) { return wordStarts.getBit(token); }
}
