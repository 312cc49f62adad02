package org.bert4j.train.data.tokenized;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only memory-mapped little-endian column. One mapping holds at most 2 GiB, so the file is mapped in
 * 1 GiB slices (a multiple of 8: no value straddles two slices); the page cache, not the heap, holds the data.
 */
final class MappedColumn {

    private static final int SLICE_SHIFT = 30;
    private static final long SLICE_MASK = (1L << SLICE_SHIFT) - 1;

    private final MappedByteBuffer[] slices;
    private final long bytes;

    private MappedColumn(MappedByteBuffer[] slices, long bytes) {
        this.slices = slices;
        this.bytes = bytes;
    }

    static MappedColumn map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int count = (int) ((size + SLICE_MASK) >>> SLICE_SHIFT);
            MappedByteBuffer[] slices = new MappedByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long start = (long) i << SLICE_SHIFT;
                slices[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(SLICE_MASK + 1, size - start));
                slices[i].order(ByteOrder.LITTLE_ENDIAN);
            }
            return new MappedColumn(slices, size);
        }
    }

    long bytes() { return bytes; }

    int getInt(long index) {
        long offset = index * Integer.BYTES;
        return slices[(int) (offset >>> SLICE_SHIFT)].getInt((int) (offset & SLICE_MASK));
    }

    long getLong(long index) {
        long offset = index * Long.BYTES;
        return slices[(int) (offset >>> SLICE_SHIFT)].getLong((int) (offset & SLICE_MASK));
    }

    boolean getBit(long index) {
        long offset = index >>> 3;
        byte b = slices[(int) (offset >>> SLICE_SHIFT)].get((int) (offset & SLICE_MASK));
        return (b >>> (index & 7) & 1) != 0;
    }
}
