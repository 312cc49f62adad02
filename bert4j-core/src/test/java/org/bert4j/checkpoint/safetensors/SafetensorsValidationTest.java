package org.bert4j.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.TensorDType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input fails on open (or get) with a message naming the file and, where there is one, the key. */
class SafetensorsValidationTest {

    @TempDir Path tmp;

    private Path raw(String name, long headerLength, String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLength).put(h);
        Path file = tmp.resolve(name);
        Files.write(file, b.array());
        return file;
    }

    private Path raw(String name, String header, int dataBytes) throws IOException {
        return raw(name, header.getBytes(StandardCharsets.UTF_8).length, header, dataBytes);
    }

    private static String entry(String key, String dtype, String shape, long begin, long end) {
        return "\"" + key + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape
                + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    private static void assertFails(Path file, String... mustContain) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> new SafetensorsFile(file).close());
        assertMessage(e, file, mustContain);
    }

    private static void assertMessage(CheckpointException e, Path file, String... mustContain) {
        String m = e.getMessage();
        assertTrue(m.contains(file.getFileName().toString()), "no file name in: " + m);
        for (String s : mustContain) assertTrue(m.contains(s), "no '" + s + "' in: " + m);
    }

    @Test
    void fileShorterThanEightBytes() throws IOException {
        Path file = tmp.resolve("short.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        assertFails(file, "too short");
    }

    @Test
    void headerLengthLargerThanFile() throws IOException {
        assertFails(raw("len.safetensors", 1000, "{}", 0), "header length 1000", "exceeds the file size");
        assertFails(raw("neg.safetensors", -1, "{}", 0), "exceeds the file size");
    }

    @Test
    void headerNotJson() throws IOException {
        assertFails(raw("json.safetensors", "{\"a\":", 0), "not valid JSON");
        assertFails(raw("lenient.safetensors", "{a:1}", 0), "not valid JSON");
        assertFails(raw("array.safetensors", "[1,2]", 0), "not valid JSON");
        assertFails(raw("trailing.safetensors", "{} {}", 0), "not valid JSON");
    }

    @Test
    void unknownDtype() throws IOException {
        assertFails(raw("dtype.safetensors", "{" + entry("enc.w", "F8_E9", "[2]", 0, 2) + "}", 2),
                "'enc.w'", "unknown dtype 'F8_E9'");
    }

    @Test
    void shapeTimesDtypeSizeDiffersFromOffsetSpan() throws IOException {
        assertFails(raw("span.safetensors", "{" + entry("enc.w", "F32", "[2,3]", 0, 20) + "}", 24),
                "'enc.w'", "needs 24 bytes", "span 20");
        assertFails(raw("overflow.safetensors",
                "{" + entry("huge", "F32", "[4294967296,4294967296]", 0, 0) + "}", 0), "'huge'");
    }

    @Test
    void offsetsOutOfRangeOrMalformed() throws IOException {
        assertFails(raw("backwards.safetensors", "{" + entry("enc.w", "U8", "[-4]", 8, 4) + "}", 8), "'enc.w'");
        assertFails(raw("reversed.safetensors", "{" + entry("enc.w", "U8", "[4]", 8, 4) + "}", 8),
                "'enc.w'", "end before begin");
        assertFails(raw("negative.safetensors", "{" + entry("enc.w", "U8", "[4]", -4, 0) + "}", 8),
                "'enc.w'", "negative");
        assertFails(raw("fraction.safetensors", "{" + entry("enc.w", "U8", "[4]", 0, 4).replace("[0,", "[0.5,")
                + "}", 8), "'enc.w'", "integers");
    }

    @Test
    void overlappingTensors() throws IOException {
        String header = "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}";
        assertFails(raw("overlap.safetensors", header, 12), "'b'", "overlap tensor 'a'");
    }

    @Test
    void offsetsBeyondTheEndOfATruncatedFile() throws IOException {
        Path file = tmp.resolve("trunc.safetensors");
        SafetensorsWriter.write(file, Map.of("a", Tensors.random("a", TensorDType.F32, 1, 4),
                "last", Tensors.random("last", TensorDType.F32, 2, 4)), Map.of());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 3));
        assertFails(file, "'last'", "truncated");
    }

    @Test
    void badMetadata() throws IOException {
        assertFails(raw("meta.safetensors", "{\"__metadata__\":{\"format\":1}}", 0), "__metadata__.format");
        assertFails(raw("meta2.safetensors", "{\"__metadata__\":[]}", 0), "__metadata__");
    }

    @Test
    void missingKeyOnGet() throws IOException {
        Path file = raw("ok.safetensors", "{" + entry("present", "U8", "[2]", 0, 2) + "}", 2);
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            assertMessage(assertThrows(CheckpointException.class, () -> f.get("absent.weight")), file,
                    "'absent.weight'");
        }
    }

    @Test
    void missingFile() {
        Path file = tmp.resolve("nope.safetensors");
        assertFails(file, "no such file");
    }
}
