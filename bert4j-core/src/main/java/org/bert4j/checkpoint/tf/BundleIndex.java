package org.bert4j.checkpoint.tf;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.bert4j.checkpoint.proto.ProtoException;
import org.bert4j.checkpoint.proto.ProtoReader;

/**
 * The metadata of a tensor bundle, decoded from its {@code .index} SSTable: the BundleHeaderProto under the empty
 * key, and one BundleEntryProto (type, shape, where the bytes are, their CRC) per tensor name.
 */
final class BundleIndex {
    record Entry(TensorDType dtype, long[] shape, int shard, long offset, long size, int maskedCrc) {}

    final int numShards;
    final Map<String, Entry> entries = new LinkedHashMap<>();
    final Map<String, String> skipped = new LinkedHashMap<>();
    private final Path index;

    BundleIndex(Path index) {
        this.index = index;
        Map<String, ByteBuffer> table = SsTable.read(index);
        ByteBuffer header = table.remove("");
        if (header == null) throw fail("no bundle header (empty key): not a tensor bundle");
        try {
            numShards = readHeader(header);
            table.forEach(this::readEntry);
        } catch (ProtoException e) {
            throw new CheckpointException(index + ": malformed bundle metadata: " + e.getMessage(), e);
        }
    }

    private CheckpointException fail(String message) { return new CheckpointException(index + ": " + message); }

    /** BundleHeaderProto: num_shards = 1, endianness = 2 (0 little, 1 big), version = 3. */
    private int readHeader(ByteBuffer header) {
        int shards = 1;
        ProtoReader r = new ProtoReader(header);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> shards = (int) r.varint();
                case 2 -> {
                    if (r.varint() != 0) throw fail("big-endian tensor bundle not supported");
                }
                default -> r.skip();
            }
        }
        if (shards < 1) throw fail("bundle header declares " + shards + " shards");
        return shards;
    }

    /** BundleEntryProto: dtype = 1, shape = 2, shard_id = 3, offset = 4, size = 5, crc32c = 6, slices = 7. */
    private void readEntry(String key, ByteBuffer value) {
        if (key.charAt(0) == '\0') {   // TF's encoded slice keys start with a 0 byte
            skipped.put(key, "slice of a partitioned variable");
            return;
        }
        int dtype = 0, shard = 0, crc = 0;
        long offset = 0, size = 0;
        List<Long> dims = new ArrayList<>();
        boolean sliced = false;
        ProtoReader r = new ProtoReader(value);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> dtype = (int) r.varint();
                case 2 -> readShape(r.message(), dims, key);
                case 3 -> shard = (int) r.varint();
                case 4 -> offset = r.varint();
                case 5 -> size = r.varint();
                case 6 -> crc = r.fixed32();
                case 7 -> { sliced = true; r.skip(); }
                default -> r.skip();
            }
        }
        TensorDType t = TfDataType.toTensorDType(dtype);
        if (sliced) {
            skipped.put(key, "partitioned variable (stored as slices)");
        } else if (t == null) {
            skipped.put(key, TfDataType.name(dtype) + ": not a numeric tensor");
        } else {
            long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
            if (size != StoredTensor.elementCount(shape) * t.bytes() || shard < 0 || shard >= numShards || offset < 0) {
                throw fail("entry '" + key + "' is inconsistent: " + TfDataType.name(dtype) + " " + dims + " in "
                        + size + " bytes at " + offset + ", shard " + shard + " of " + numShards);
            }
            entries.put(key, new Entry(t, shape, shard, offset, size, crc));
        }
    }

    /** TensorShapeProto: dim = 2 (TensorShapeProto.Dim: size = 1, name = 2), unknown_rank = 3. */
    private void readShape(ProtoReader r, List<Long> dims, String key) {
        while (r.next()) {
            switch (r.field()) {
                case 2 -> {
                    ProtoReader d = r.message();
                    long size = 0;
                    while (d.next()) {
                        if (d.field() == 1) size = d.varint(); else d.skip();
                    }
                    if (size < 0) throw fail("entry '" + key + "' has an unknown dimension");
                    dims.add(size);
                }
                case 3 -> {
                    if (r.varint() != 0) throw fail("entry '" + key + "' has unknown rank");
                }
                default -> r.skip();
            }
        }
    }
}
