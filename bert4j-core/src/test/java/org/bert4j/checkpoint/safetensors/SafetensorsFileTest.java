package org.bert4j.checkpoint.safetensors;

import static org.bert4j.checkpoint.safetensors.Tensors.assertSameTensor;
import static org.bert4j.checkpoint.safetensors.Tensors.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir Path tmp;

    private static Map<String, StoredTensor> mixed() {
        Map<String, StoredTensor> m = new LinkedHashMap<>();
        for (StoredTensor t : List.of(
                random("f32", TensorDType.F32, 1, 3, 5),
                random("f64", TensorDType.F64, 2, 7),
                random("f16", TensorDType.F16, 3, 3, 3), // odd byte count: would misalign whatever follows
                random("bf16", TensorDType.BF16, 4, 2, 2, 2),
                random("i64", TensorDType.I64, 5, 4),
                random("u8", TensorDType.U8, 6, 5),
                random("scalar", TensorDType.F32, 7),
                random("empty", TensorDType.F32, 8, 0, 3),
                random("empty2", TensorDType.I64, 9, 2, 0))) {
            m.put(t.name(), t);
        }
        return m;
    }

    @Test
    void roundTripIsBitExactForEveryDtypeScalarAndEmpty() {
        Path file = tmp.resolve("m.safetensors");
        Map<String, StoredTensor> in = mixed();
        SafetensorsWriter.write(file, in, null);
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            assertEquals(in.keySet(), f.names());
            for (StoredTensor t : in.values()) assertSameTensor(t, f.get(t.name()));
            assertEquals(0, f.get("scalar").shape().length);
            assertEquals(0, f.get("empty").data().remaining());
            assertTrue(f.metadata().isEmpty());
            assertTrue(f.get("f32").data().isReadOnly());
        }
    }

    @Test
    void floatSpecialValuesKeepTheirBits() {
        float[] v = {Float.NaN, Float.intBitsToFloat(0x7fc0_1234), -0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
        Path file = tmp.resolve("x.safetensors");
        SafetensorsWriter.write(file, Map.of("v", StoredTensor.ofFloats("v", new long[] {5}, v)), Map.of());
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            float[] back = f.get("v").toFloats();
            for (int i = 0; i < v.length; i++) {
                assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(back[i]));
            }
        }
    }

    @Test
    void metadataRoundTrips() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "quotes \" <html> & ünïcødé 中文\n");
        Path file = tmp.resolve("m.safetensors");
        SafetensorsWriter.write(file, Map.of("a", random("a", TensorDType.F32, 1, 2)), meta);
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            assertEquals(meta, f.metadata());
            assertTrue(f.names().contains("a"));
        }
    }

    @Test
    void headerIsPaddedWithSpacesToEightAndEveryOffsetIsAligned() throws IOException {
        for (int nameLength = 1; nameLength <= 8; nameLength++) {
            Path file = tmp.resolve("p" + nameLength + ".safetensors");
            Map<String, StoredTensor> in = mixed();
            in.put("n".repeat(nameLength), random("n", TensorDType.F16, 1, 1));
            SafetensorsWriter.write(file, in, Map.of());
            byte[] all = Files.readAllBytes(file);
            long n = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            assertEquals(0, n % 8, "header length " + n);
            String header = new String(all, 8, (int) n, StandardCharsets.UTF_8);
            assertTrue(header.startsWith("{") && header.stripTrailing().endsWith("}"), header);
            assertTrue(header.substring(header.stripTrailing().length()).chars().allMatch(c -> c == ' '));
            SafetensorsHeader h = SafetensorsHeader.parse(file, header.getBytes(StandardCharsets.UTF_8), all.length - 8 - n);
            for (SafetensorsHeader.Entry e : h.entries.values()) {
                assertEquals(0, e.begin() % e.dtype().bytes(), e.name() + " at " + e.begin());
            }
        }
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("m.safetensors");
        SafetensorsWriter.write(file, Map.of("old", random("old", TensorDType.F32, 1, 4)), Map.of());
        StoredTensor renamed = random("source-name", TensorDType.F32, 2, 3);
        SafetensorsWriter.write(file, Map.of("new", renamed), Map.of());
        try (SafetensorsFile f = new SafetensorsFile(file); Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
            assertEquals(java.util.Set.of("new"), f.names());
            assertArrayEquals(Tensors.bytes(renamed), Tensors.bytes(f.get("new")));
        }
    }

    @Test
    void readsAFileWrittenByPython() {
        Path file = Path.of("/work/shared/fixtures/roformer_v2_tiny/weights.safetensors");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "fixture not present");
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            StoredTensor w = f.get("bert/embeddings/word_embeddings");
            assertEquals(TensorDType.F32, w.dtype());
            assertEquals(2, w.shape().length);
            assertEquals(16, w.shape()[1]);
            float[] values = w.toFloats();
            assertEquals(w.shape()[0] * 16, values.length);
            for (float x : values) assertTrue(Float.isFinite(x));
            for (String name : f.names()) f.get(name); // every entry validates and maps
        }
    }

    @Test
    void smallWindowsServeTheSameBytesAndTensorsShareWindows() {
        Path file = tmp.resolve("w.safetensors");
        Map<String, StoredTensor> in = mixed();
        SafetensorsWriter.write(file, in, Map.of());
        for (long window : new long[] {1, 7, 16, 64, 1000}) {
            try (SafetensorsFile f = new SafetensorsFile(file, window)) {
                for (StoredTensor t : in.values()) assertSameTensor(t, f.get(t.name()));
                int maps = f.mappingCount();
                for (StoredTensor t : in.values()) assertSameTensor(t, f.get(t.name()));
                assertEquals(maps, f.mappingCount(), "window " + window + ": second pass must reuse mappings");
                assertTrue(maps <= in.size(), "window " + window + ": " + maps + " maps");
            }
        }
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            for (String name : f.names()) f.get(name);
            assertEquals(1, f.mappingCount(), "a small file fits one default window");
        }
    }

    @Test
    void closedFileRefusesReadsButEarlierTensorsStayReadable() {
        Path file = tmp.resolve("c.safetensors");
        StoredTensor t = random("a", TensorDType.F32, 1, 8);
        SafetensorsWriter.write(file, Map.of("a", t), Map.of());
        SafetensorsFile f = new SafetensorsFile(file);
        StoredTensor before = f.get("a");
        f.close();
        CheckpointException e = assertThrows(CheckpointException.class, () -> f.get("a"));
        assertTrue(e.getMessage().contains("c.safetensors") && e.getMessage().contains("'a'"), e.getMessage());
        assertSameTensor(t, before);
    }

    /** A sparse 3 GiB file: instant on Linux/macOS filesystems, but not everywhere, hence the slow tag. */
    @Test
    @Tag("slow")
    void tensorsBeyondTwoGibibytesAreRead() throws IOException {
        long gap = 3L << 30;
        String header = "{\"gap\":{\"dtype\":\"U8\",\"shape\":[" + gap + "],\"data_offsets\":[0," + gap + "]},"
                + "\"far\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + gap + "," + (gap + 8) + "]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve("big.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
            raf.write(h);
            raf.seek(8 + h.length + gap);
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());
        }
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            assertArrayEquals(new float[] {1.5f, -2f}, f.get("far").toFloats());
            CheckpointException e = assertThrows(CheckpointException.class, () -> f.get("gap"));
            assertTrue(e.getMessage().contains("'gap'"), e.getMessage());
        }
    }
}
