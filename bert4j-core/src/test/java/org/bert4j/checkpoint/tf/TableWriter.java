package org.bert4j.checkpoint.tf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.bert4j.checkpoint.proto.ProtoWriter;

/**
 * Writes a LevelDB-format table the way TF's table builder does (prefix-compressed keys, a restart every
 * {@code restartInterval} entries, blocks cut at {@code blockSize} bytes, an index block, a footer), so the reader
 * is tested against bytes that were not produced by the reader's own assumptions about a real file.
 */
final class TableWriter {
    int restartInterval = 2;
    int blockSize = 64;
    int compressionType = 0;
    int maxRestartsSeen;

    byte[] write(SortedMap<String, byte[]> entries) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<byte[]> indexKeys = new ArrayList<>();
        List<long[]> handles = new ArrayList<>();
        List<Map.Entry<String, byte[]>> pending = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            pending.add(e);
            if (encodedSize(pending) >= blockSize) flush(file, pending, indexKeys, handles);
        }
        if (!pending.isEmpty()) flush(file, pending, indexKeys, handles);
        long[] meta = writeBlock(file, block(List.of()));
        List<Map.Entry<String, byte[]>> index = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            byte[] h = concat(ProtoWriter.encodeVarint(handles.get(i)[0]), ProtoWriter.encodeVarint(handles.get(i)[1]));
            index.add(Map.entry(new String(indexKeys.get(i), StandardCharsets.UTF_8), h));
        }
        long[] idx = writeBlock(file, block(index));
        ByteBuffer footer = ByteBuffer.allocate(SsTable.FOOTER).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : new long[] {meta[0], meta[1], idx[0], idx[1]}) footer.put(ProtoWriter.encodeVarint(v));
        footer.putLong(SsTable.FOOTER - 8, SsTable.MAGIC);
        file.writeBytes(footer.array());
        return file.toByteArray();
    }

    private int encodedSize(List<Map.Entry<String, byte[]>> pending) { return block(pending).length; }

    private void flush(ByteArrayOutputStream file, List<Map.Entry<String, byte[]>> pending, List<byte[]> indexKeys,
                       List<long[]> handles) {
        handles.add(writeBlock(file, block(pending)));
        indexKeys.add(pending.get(pending.size() - 1).getKey().getBytes(StandardCharsets.UTF_8));
        pending.clear();
    }

    /** Entries, restart array, restart count. */
    byte[] block(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        List<Integer> restarts = new ArrayList<>(List.of(0));
        byte[] prev = new byte[0];
        for (int i = 0; i < entries.size(); i++) {
            byte[] key = entries.get(i).getKey().getBytes(StandardCharsets.UTF_8);
            int shared = 0;
            if (i % restartInterval == 0) {
                if (i > 0) restarts.add(b.size());
            } else {
                while (shared < Math.min(prev.length, key.length) && prev[shared] == key[shared]) shared++;
            }
            byte[] value = entries.get(i).getValue();
            b.writeBytes(ProtoWriter.encodeVarint(shared));
            b.writeBytes(ProtoWriter.encodeVarint(key.length - shared));
            b.writeBytes(ProtoWriter.encodeVarint(value.length));
            b.write(key, shared, key.length - shared);
            b.writeBytes(value);
            prev = key;
        }
        ByteBuffer tail = ByteBuffer.allocate(4 * restarts.size() + 4).order(ByteOrder.LITTLE_ENDIAN);
        restarts.forEach(tail::putInt);
        tail.putInt(restarts.size());
        maxRestartsSeen = Math.max(maxRestartsSeen, restarts.size());
        b.writeBytes(tail.array());
        return b.toByteArray();
    }

    /** Appends contents + type byte + masked crc32c; returns the BlockHandle {offset, size}. */
    private long[] writeBlock(ByteArrayOutputStream file, byte[] contents) {
        long offset = file.size();
        byte[] withType = concat(contents, new byte[] {(byte) compressionType});
        file.writeBytes(withType);
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(SsTable.maskedCrc32c(ByteBuffer.wrap(withType))).array());
        return new long[] {offset, contents.length};
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
