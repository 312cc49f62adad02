package org.bert4j.train.data.tokenized;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends tokenised documents to the four column files of a {@link TokenizedCorpus}: token ids (int32), word-start
 * bits (bit {@code t % 8} of byte {@code t / 8}), each sentence's end token offset and each document's end
 * sentence offset (int64, cumulative, so a range is two neighbouring entries). Empty sentences and documents
 * are not written.
 */
final class TokenColumnsWriter implements Closeable {

    private final LittleEndianOutput tokens;
    private final LittleEndianOutput wordStarts;
    private final LittleEndianOutput sentenceEnds;
    private final LittleEndianOutput documentEnds;
    private int pendingBits;
    private int pendingBitCount;
    private long tokenCount;
    private long sentenceCount;
    private long documentCount;

    TokenColumnsWriter(Path directory) throws IOException {
        tokens = new LittleEndianOutput(directory.resolve(TokenizedCorpus.TOKENS));
        wordStarts = new LittleEndianOutput(directory.resolve(TokenizedCorpus.WORD_STARTS));
        sentenceEnds = new LittleEndianOutput(directory.resolve(TokenizedCorpus.SENTENCE_ENDS));
        documentEnds = new LittleEndianOutput(directory.resolve(TokenizedCorpus.DOCUMENT_ENDS));
    }

    /** Writes one document; returns false when every sentence was empty and nothing was written. */
    boolean addDocument(List<TokenizedText> sentences) throws IOException {
        long sentencesBefore = sentenceCount;
        for (TokenizedText sentence : sentences) {
            if (sentence.length() == 0) continue;
            for (int i = 0; i < sentence.length(); i++) {
                tokens.writeInt(sentence.ids()[i]);
                addBit(sentence.wordStarts()[i]);
            }
            tokenCount += sentence.length();
            sentenceEnds.writeLong(tokenCount);
            sentenceCount++;
        }
        if (sentenceCount == sentencesBefore) return false;
        documentEnds.writeLong(sentenceCount);
        documentCount++;
        return true;
    }

    private void addBit(boolean bit) throws IOException {
        if (bit) pendingBits |= 1 << pendingBitCount;
        if (++pendingBitCount == Byte.SIZE) {
            wordStarts.writeByte((byte) pendingBits);
            pendingBits = 0;
            pendingBitCount = 0;
        }
    }

    long tokens() { return tokenCount; }

    long sentences() { return sentenceCount; }

    long documents() { return documentCount; }

    @Override
    public void close() throws IOException {
        if (pendingBitCount > 0) wordStarts.writeByte((byte) pendingBits);
        pendingBitCount = 0;
        try (tokens; wordStarts; sentenceEnds; documentEnds) {
            // closing flushes each file
        }
    }
}
