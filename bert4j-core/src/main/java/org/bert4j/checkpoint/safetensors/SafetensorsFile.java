package org.bert4j.checkpoint.safetensors;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsHeader.Entry;

/**
 * One {@code .safetensors} file, header validated on open, tensors served as read-only slices of memory-mapped
 * windows over the data section.
 *
 * <p>A {@link MappedByteBuffer} is int-indexed, so a file over 2 GiB cannot be one mapping. The data section is
 * instead mapped lazily in fixed windows (1 GiB by default); a tensor inside one window is a slice of it, and a
 * tensor straddling a window boundary gets a mapping of its own. Offsets stay {@code long} throughout. A single
 * tensor over 2 GiB cannot be a {@link ByteBuffer} and is reported as such.
 *
 * <p>{@link #close()} closes the file handle; the mappings themselves are released when the buffers handed out
 * become unreachable (the JDK has no safe explicit unmap), so a tensor still in use never points at freed memory.
 */
public final class SafetensorsFile implements TensorSource {

    static final long DEFAULT_WINDOW_BYTES = 1L << 30;
    /** The same cap as the Hugging Face reader: a bigger header means a corrupt length, not a real model. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private final Path path;
    private final long windowBytes;
    private final FileChannel channel;
    private final long dataStart;
    private final long dataLength;
    private final SafetensorsHeader header;
    private final Map<Long, MappedByteBuffer> windows = new HashMap<>();
    private final Map<String, MappedByteBuffer> straddling = new HashMap<>();
    private int mappings;
    private boolean closed;

    public SafetensorsFile(Path path) {
        this(path, DEFAULT_WINDOW_BYTES);
    }

    /** A small {@code windowBytes} lets tests exercise the multi-window path without a multi-gigabyte file. */
    SafetensorsFile(Path path, long windowBytes) {
        if (windowBytes <= 0 || windowBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("window must be 1.." + Integer.MAX_VALUE + " bytes: " + windowBytes);
        }
        this.path = path;
        this.windowBytes = windowBytes;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(path + ": no such file", e);
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot open: " + e.getMessage(), e);
        }
        try {
            long size = channel.size();
            if (size < 8) {
                throw new CheckpointException(path + ": file is " + size
                        + " bytes, too short for the 8-byte header length of a safetensors file");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(len, 0);
            long n = len.getLong(0);
            if (n < 0 || n > size - 8) {
                throw new CheckpointException(path + ": header length " + Long.toUnsignedString(n)
                        + " exceeds the file size " + size + " (truncated, or not a safetensors file?)");
            }
            if (n > MAX_HEADER_BYTES) {
                throw new CheckpointException(path + ": header length " + n + " exceeds the " + MAX_HEADER_BYTES
                        + "-byte limit (corrupt file?)");
            }
            byte[] json = new byte[(int) n];
            readFully(ByteBuffer.wrap(json), 8);
            this.dataStart = 8 + n;
            this.dataLength = size - dataStart;
            this.header = SafetensorsHeader.parse(path, json, dataLength);
        } catch (IOException e) {
            closeQuietly();
            throw new CheckpointException(path + ": cannot read header: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** The {@code __metadata__} string map (empty when the file has none). */
    public Map<String, String> metadata() { return header.metadata; }

    @Override
    public Path origin() { return path; }

    /** Tensor names in header order. */
    @Override
    public Set<String> names() { return header.entries.keySet(); }

    @Override
    public synchronized StoredTensor get(String name) {
        Entry e = header.entries.get(name);
        if (e == null) throw new CheckpointException(path + ": no tensor '" + name + "' in this file");
        if (closed) throw new CheckpointException(path + ": file is closed; cannot read '" + name + "'");
        return new StoredTensor(name, e.dtype(), e.shape().clone(), bytes(e));
    }

    private ByteBuffer bytes(Entry e) {
        long length = e.length();
        if (length == 0) return ByteBuffer.allocate(0);
        if (length > Integer.MAX_VALUE) {
            throw SafetensorsHeader.error(path, e.name(), length + " bytes; one tensor over 2 GiB cannot be mapped");
        }
        long first = e.begin() / windowBytes;
        long last = (e.end() - 1) / windowBytes;
        if (first != last) {
            MappedByteBuffer own = straddling.get(e.name());
            if (own == null) straddling.put(e.name(), own = map(e.begin(), length));
            return own.duplicate();
        }
        MappedByteBuffer window = windows.get(first);
        if (window == null) {
            long start = first * windowBytes;
            window = map(start, Math.min(windowBytes, dataLength - start));
            windows.put(first, window);
        }
        return window.slice((int) (e.begin() - first * windowBytes), (int) length);
    }

    /** Maps {@code length} bytes at {@code offset} into the data section. */
    private MappedByteBuffer map(long offset, long length) {
        try {
            mappings++;
            return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + offset, length);
        } catch (IOException e) {
            throw new CheckpointException(path + ": cannot map " + length + " bytes at data offset " + offset
                    + ": " + e.getMessage(), e);
        }
    }

    /** How many mappings were made so far, so tests can check that windows are shared. */
    synchronized int mappingCount() { return mappings; }

    private void readFully(ByteBuffer dst, long position) throws IOException {
        while (dst.hasRemaining()) {
            int n = channel.read(dst, position);
            if (n < 0) throw new EOFException("file ended at byte " + position);
            position += n;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        windows.clear();
        straddling.clear();
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read-only handle: nothing was written that a failed close could lose.
        }
    }

    @Override
    public String toString() { return "SafetensorsFile[" + path + ", " + header.entries.size() + " tensors]"; }
}
