package org.bert4j.checkpoint.tf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.proto.ProtoException;
import org.bert4j.checkpoint.proto.ProtoReader;

/**
 * Reads a whole LevelDB-format table, the format of a TF tensor bundle's {@code .index} file. The file is small
 * (one entry per variable) so it is read into memory and every entry is decoded up front.
 *
 * <p>Layout: data blocks, a metaindex block, an index block (one entry per data block: last key → BlockHandle), then
 * a 48-byte footer (metaindex and index BlockHandles as varints, zero-padded, then the magic number). A block is
 * prefix-compressed entries ({@code shared, non_shared, value_len} varints, key suffix, value), an array of uint32
 * restart offsets and their count, followed by a 1-byte compression type and a masked CRC32C of block + type.
 */
final class SsTable {
    static final long MAGIC = 0xdb4775248b80fb57L;
    static final int FOOTER = 48;

    private SsTable() {}

    /** Key → value for every entry, in key order; values are slices of one in-memory copy of the file. */
    static Map<String, ByteBuffer> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read tensor bundle index: " + e.getMessage(), e);
        }
        return parse(ByteBuffer.wrap(bytes), file.toString());
    }

    static Map<String, ByteBuffer> parse(ByteBuffer file, String origin) {
        ByteBuffer f = file.slice().order(ByteOrder.LITTLE_ENDIAN);
        int size = f.remaining();
        if (size < FOOTER || f.getLong(size - 8) != MAGIC) {
            throw new CheckpointException(origin + ": not a complete SSTable (" + size + " bytes, "
                    + (size < FOOTER ? "shorter than the 48-byte footer" : "no table magic at the end")
                    + "): truncated, or not a TF tensor bundle .index file");
        }
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        try {
            ProtoReader footer = new ProtoReader(f.slice(size - FOOTER, FOOTER - 8));
            footer.varint();   // metaindex offset and size: TF writes no meta blocks (no filter policy)
            footer.varint();
            ByteBuffer index = block(f, footer.varint(), footer.varint(), origin);
            forEach(index, origin, (indexKey, handle) -> {
                ProtoReader h = new ProtoReader(handle);
                forEach(block(f, h.varint(), h.varint(), origin), origin, out::put);
            });
        } catch (ProtoException e) {
            throw new CheckpointException(origin + ": malformed SSTable: " + e.getMessage(), e);
        }
        return out;
    }

    /** The contents of the block at this handle, after checking its compression type and checksum. */
    private static ByteBuffer block(ByteBuffer f, long offset, long size, String origin) {
        if (offset < 0 || size < 0 || offset + size + 5 > f.limit()) {
            throw new CheckpointException(origin + ": block [" + offset + ", +" + size + "] runs past the end of the "
                    + f.limit() + "-byte file (truncated?)");
        }
        ByteBuffer contents = f.slice((int) offset, (int) size).order(ByteOrder.LITTLE_ENDIAN);
        int type = f.get((int) (offset + size)) & 0xff;
        if (type != 0) {
            throw new CheckpointException(origin + ": block at " + offset + " is compressed (type " + type
                    + (type == 1 ? ", snappy" : "") + "); TF writes bundles uncompressed and bert4j reads only those");
        }
        int stored = f.getInt((int) (offset + size + 1));
        int actual = maskedCrc32c(f.slice((int) offset, (int) size + 1));   // the type byte is covered too
        if (stored != actual) {
            throw new CheckpointException(origin + ": block at " + offset + " fails its crc32c check (stored 0x"
                    + Integer.toHexString(stored) + ", computed 0x" + Integer.toHexString(actual) + ")");
        }
        return contents;
    }

    interface EntrySink { void accept(String key, ByteBuffer value); }

    /** Decodes a block's prefix-compressed entries in order. */
    static void forEach(ByteBuffer block, String origin, EntrySink sink) {
        int limit = block.limit();
        int restarts = limit >= 4 ? block.getInt(limit - 4) : -1;
        long entriesEnd = limit - 4 - 4L * restarts;
        if (restarts < 1 || entriesEnd < 0) {
            throw new CheckpointException(origin + ": corrupt block (" + limit + " bytes, " + restarts + " restarts)");
        }
        ProtoReader r = new ProtoReader(block.slice(0, (int) entriesEnd));
        byte[] key = new byte[0];
        while (r.hasRemaining()) {
            long shared = r.varint(), nonShared = r.varint(), valueLength = r.varint();
            if (shared > key.length) {
                throw new CheckpointException(origin + ": corrupt block entry after key '" + utf8(key) + "' (shares "
                        + shared + " bytes of a " + key.length + "-byte key)");
            }
            ByteBuffer suffix = r.raw((int) nonShared);
            byte[] next = Arrays.copyOf(key, (int) (shared + nonShared));
            suffix.get(next, (int) shared, (int) nonShared);
            key = next;
            sink.accept(utf8(key), r.raw((int) valueLength));
        }
    }

    private static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }

    /** LevelDB's and TF's masked CRC32C: rotate right by 15 bits and add a constant. */
    static int maskedCrc32c(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate());
        return mask((int) crc.getValue());
    }

    static int mask(int crc) { return ((crc >>> 15) | (crc << 17)) + 0xa282ead8; }
}
