package org.bert4j.finetune.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a UTF-8 text file with their numbers; drops a byte-order mark (Windows tools write one and it
 * would otherwise become part of the first header name or token). Malformed UTF-8 ends the read: the decoder
 * works ahead of the lines handed out, so the line named is where the bad bytes are at the earliest.
 */
final class LineSource implements Closeable {

    private final Path file;
    private final BufferedReader in;
    private long lineNumber;

    LineSource(Path file) throws IOException {
        this.file = file;
        this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** The next line without its terminator, or null at the end of the file. */
    String next() throws IOException {
        String line;
        try {
            line = in.readLine();
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file, lineNumber + 1, "not UTF-8 text (at this line or a few after it)");
        }
        if (line == null) return null;
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        return line;
    }

    /** Number of the line last returned (from 1). */
    long lineNumber() { return lineNumber; }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
