package org.bert4j.train.data.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 stream, split on raw bytes and decoded one at a time with a strict decoder. A
 * {@code BufferedReader} would either replace malformed bytes with U+FFFD (silently corrupting the text) or fail
 * the whole file; here only the bad line is lost, and its error says where in the line the bytes are wrong.
 * Accepts {@code \n} and {@code \r\n} endings and a byte-order mark on the first line.
 */
final class Utf8LineReader implements Closeable {

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int chunkPosition;
    private int chunkLimit;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineNumber;
    private long bytesRead;
    private boolean ended;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (ended) return false;
        lineLength = 0;
        boolean sawAnything = false;
        while (true) {
            if (chunkPosition == chunkLimit) {
                chunkLimit = in.read(chunk);
                chunkPosition = 0;
                if (chunkLimit <= 0) {
                    chunkLimit = 0;
                    ended = true;
                    if (!sawAnything) return false;
                    break;
                }
            }
            sawAnything = true;
            int newline = indexOfNewline(chunkPosition, chunkLimit);
            int end = newline < 0 ? chunkLimit : newline;
            append(chunkPosition, end);
            bytesRead += end - chunkPosition + (newline < 0 ? 0 : 1);
            chunkPosition = newline < 0 ? chunkLimit : newline + 1;
            if (newline >= 0) break;
        }
        lineNumber++;
        if (lineLength > 0 && line[lineLength - 1] == '\r') lineLength--;
        return true;
    }

    /** 1-based number of the current line. */
    long lineNumber() { return lineNumber; }

    /** Bytes consumed so far, line terminators included. */
    long bytesRead() { return bytesRead; }

    /** The current line decoded; fails on malformed UTF-8, naming the byte offset within the line. */
    String text() throws UnreadableLine {
        int start = lineNumber == 1 && startsWithByteOrderMark() ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
        CharBuffer chars = CharBuffer.allocate(lineLength - start); // UTF-8 never has more chars than bytes
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) result = decoder.flush(chars);
        if (result.isError()) {
            throw new UnreadableLine("invalid UTF-8 at byte " + bytes.position() + " of the line");
        }
        return chars.flip().toString();
    }

    private boolean startsWithByteOrderMark() {
        return lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) if (chunk[i] == '\n') return i;
        return -1;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (lineLength + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        System.arraycopy(chunk, from, line, lineLength, n);
        lineLength += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
