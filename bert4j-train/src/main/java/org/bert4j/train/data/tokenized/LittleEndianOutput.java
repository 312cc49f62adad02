package org.bert4j.train.data.tokenized;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A buffered little-endian column file (the byte order of x86 and ARM, so reading back needs no swaps). */
final class LittleEndianOutput implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianOutput(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    void writeInt(int value) throws IOException {
        if (buffer.remaining() < Integer.BYTES) drain();
        buffer.putInt(value);
    }

    void writeLong(long value) throws IOException {
        if (buffer.remaining() < Long.BYTES) drain();
        buffer.putLong(value);
    }

    void writeByte(byte value) throws IOException {
        if (!buffer.hasRemaining()) drain();
        buffer.put(value);
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    /** Writes what is buffered and forces it to disk, so the renamed cache is complete after a crash. */
    @Override
    public void close() throws IOException {
        try {
            drain();
            channel.force(true);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the column file: " + e.getMessage(), e);
        } finally {
            channel.close();
        }
    }
}
