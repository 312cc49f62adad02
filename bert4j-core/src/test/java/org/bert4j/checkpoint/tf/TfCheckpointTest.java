package org.bert4j.checkpoint.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.bert4j.checkpoint.proto.ProtoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tensor bundle written byte by byte here (index SSTable + one data shard), then read back. */
class TfCheckpointTest {
    @TempDir Path dir;

    /** Writes {@code dir/variables/variables.{index,data-00000-of-00001}}; returns the prefix. */
    Path writeBundle(TableWriter table, int endianness) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        TreeMap<String, byte[]> index = new TreeMap<>();
        index.put("", new ProtoWriter().varint(1, 1).varint(2, endianness)
                .message(3, new ProtoWriter().varint(1, 1)).toByteArray());
        index.put("bert/encoder/layer_0/attention/self/query/kernel", entry(data, 1, new long[] {2, 3},
                floats(0, 1, 2, 3, 4, 5)));
        index.put("bert/encoder/layer_0/attention/self/query/bias", entry(data, 1, new long[] {3}, floats(7, 8, 9)));
        index.put("bert/encoder/layer_0/attention/self/key/bias", entry(data, 1, new long[] {3}, floats(-1, -2, -3)));
        ByteBuffer step = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1000);
        index.put("global_step", entry(data, 9, new long[0], step.array()));
        index.put("_CHECKPOINTABLE_OBJECT_GRAPH", entry(data, 7, new long[0], "\u0003abc".getBytes(StandardCharsets.UTF_8)));
        Path variables = Files.createDirectories(dir.resolve("variables"));
        Files.write(variables.resolve("variables.index"), table.write(index));
        Files.write(variables.resolve("variables.data-00000-of-00001"), data.toByteArray());
        return variables.resolve("variables");
    }

    static byte[] entry(ByteArrayOutputStream data, int dtype, long[] shape, byte[] bytes) {
        ProtoWriter shapeProto = new ProtoWriter();
        for (long d : shape) shapeProto.message(2, new ProtoWriter().varint(1, d));
        ProtoWriter e = new ProtoWriter().varint(1, dtype).message(2, shapeProto).varint(3, 0)
                .varint(4, data.size()).varint(5, bytes.length)
                .fixed32(6, SsTable.maskedCrc32c(ByteBuffer.wrap(bytes)));
        data.writeBytes(bytes);
        return e.toByteArray();
    }

    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    @Test
    void readsAHandWrittenBundleWithTfNamesAndLayouts() throws IOException {
        TableWriter table = new TableWriter();
        Path prefix = writeBundle(table, 0);
        assertTrue(table.maxRestartsSeen > 1, "the test table must exercise more than one restart point");
        for (Path how : List.of(prefix, Path.of(prefix + ".index"), prefix.getParent())) {
            try (TfCheckpoint ckpt = TfCheckpoint.open(how)) {
                assertEquals(List.of("bert/encoder/layer_0/attention/self/key/bias",
                        "bert/encoder/layer_0/attention/self/query/bias", "bert/encoder/layer_0/attention/self/query/kernel",
                        "global_step"), List.copyOf(ckpt.names()));
                StoredTensor kernel = ckpt.get("bert/encoder/layer_0/attention/self/query/kernel");
                assertArrayEquals(new long[] {2, 3}, kernel.shape(), "TF [in, out], not transposed");
                assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, kernel.toFloats());
                assertArrayEquals(new float[] {-1, -2, -3}, ckpt.get("bert/encoder/layer_0/attention/self/key/bias").toFloats());
                StoredTensor step = ckpt.get("global_step");
                assertEquals(TensorDType.I64, step.dtype());
                assertArrayEquals(new long[0], step.shape());
                assertEquals(1000, step.data().getLong(0));
                assertEquals(Map.of("_CHECKPOINTABLE_OBJECT_GRAPH", "DT_STRING: not a numeric tensor"), ckpt.skipped());
                CheckpointException e = assertThrows(CheckpointException.class, () -> ckpt.get("_CHECKPOINTABLE_OBJECT_GRAPH"));
                assertTrue(e.getMessage().contains("skipped"), e.getMessage());
            }
        }
    }

    @Test
    void ssTableRoundTripsManyKeysAcrossBlocksAndRestarts() {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        for (int i = 0; i < 40; i++) entries.put(String.format("module/bert/encoder/layer_%02d/w", i), new byte[] {(byte) i});
        TableWriter w = new TableWriter();
        w.restartInterval = 3;
        w.blockSize = 100;
        Map<String, ByteBuffer> read = SsTable.parse(ByteBuffer.wrap(w.write(entries)), "t.index");
        assertEquals(List.copyOf(entries.keySet()), List.copyOf(read.keySet()));
        read.forEach((k, v) -> assertEquals(entries.get(k)[0], v.get(0), k));
    }

    @Test
    void crcMismatchNamesTheDataFileAndTensor() throws IOException {
        Path prefix = writeBundle(new TableWriter(), 0);
        Path data = Path.of(prefix + ".data-00000-of-00001");
        byte[] bytes = Files.readAllBytes(data);
        bytes[4] ^= 1;   // inside the kernel, the first tensor written
        Files.write(data, bytes);
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> ckpt.get("bert/encoder/layer_0/attention/self/query/kernel"));
            assertTrue(e.getMessage().contains(data.toString()) && e.getMessage().contains("query/kernel'")
                    && e.getMessage().contains("crc32c"), e.getMessage());
            assertEquals(3, ckpt.get("bert/encoder/layer_0/attention/self/query/bias").elementCount(), "others intact");
        }
    }

    @Test
    void truncatedIndexNamesTheFile() throws IOException {
        Path prefix = writeBundle(new TableWriter(), 0);
        Path index = Path.of(prefix + ".index");
        byte[] bytes = Files.readAllBytes(index);
        for (int keep : new int[] {bytes.length / 2, 20, 0}) {
            Files.write(index, Arrays.copyOf(bytes, keep));
            CheckpointException e = assertThrows(CheckpointException.class, () -> TfCheckpoint.open(prefix));
            assertTrue(e.getMessage().startsWith(index.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void corruptCompressedOrBigEndianIndexIsRefusedClearly() throws IOException {
        Path prefix = writeBundle(new TableWriter(), 0);
        Path index = Path.of(prefix + ".index");
        byte[] bytes = Files.readAllBytes(index);
        bytes[10] ^= 0x40;   // inside the first data block
        Files.write(index, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TfCheckpoint.open(prefix));
        assertTrue(e.getMessage().contains(index.toString()) && e.getMessage().contains("crc32c"), e.getMessage());

        TableWriter snappy = new TableWriter();
        snappy.compressionType = 1;
        Path p2 = writeBundle(snappy, 0);
        e = assertThrows(CheckpointException.class, () -> TfCheckpoint.open(p2));
        assertTrue(e.getMessage().contains("compressed (type 1, snappy)"), e.getMessage());

        Path p3 = writeBundle(new TableWriter(), 1);
        e = assertThrows(CheckpointException.class, () -> TfCheckpoint.open(p3));
        assertTrue(e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test
    void missingOrShortDataShardIsNamed() throws IOException {
        Path prefix = writeBundle(new TableWriter(), 0);
        Path data = Path.of(prefix + ".data-00000-of-00001");
        byte[] bytes = Files.readAllBytes(data);
        Files.write(data, Arrays.copyOf(bytes, 10));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TfCheckpoint.open(prefix));
        assertTrue(e.getMessage().startsWith(data.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        Files.delete(data);
        e = assertThrows(CheckpointException.class, () -> TfCheckpoint.open(prefix));
        assertTrue(e.getMessage().startsWith(data.toString()), e.getMessage());
    }
}
