package org.bert4j.checkpoint.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.bert4j.checkpoint.proto.ProtoWriter;
import org.junit.jupiter.api.Test;

/** The ONNX reader on a hand-built graph that has each case in a few bytes. Real exports: OnnxRealModelsTest. */
class OnnxInitializersTest {
    static final Path ORIGIN = Path.of("tiny.onnx");

    static ProtoWriter rawTensor(String name, int dataType, long[] dims, byte[] raw) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) t.varint(1, d);   // unpacked dims, as some writers do
        return t.varint(2, dataType).string(8, name).bytes(9, raw);
    }

    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static ProtoWriter node(String name, String op, List<String> in, List<String> out) {
        ProtoWriter n = new ProtoWriter();
        in.forEach(i -> n.string(1, i));
        out.forEach(o -> n.string(2, o));
        return n.string(3, name).string(4, op);
    }

    static byte[] model(ProtoWriter graph) {
        return new ProtoWriter().varint(1, 8).string(2, "test").message(7, graph).toByteArray();
    }

    static byte[] tinyModel() {
        ProtoWriter g = new ProtoWriter();
        g.message(1, node("/encoder/layer.0/attention/self/query/MatMul", "MatMul", List.of("x", "onnx::MatMul_7"),
                List.of("q")));
        g.message(1, node("/pooler/dense/Gemm", "Gemm", List.of("q", "onnx::Gemm_8", "b"), List.of("p"))
                .message(5, new ProtoWriter().string(1, "transB").varint(3, 1).varint(20, 2)));
        ProtoWriter constant = new ProtoWriter().varint(1, 1).varint(1, 3).varint(2, 7) // int64 [1, 3] in int64_data
                .bytes(7, new byte[] {0, 1, 2});                                           // packed varints 0 1 2
        g.message(1, node("Constant_10", "Constant", List.of(), List.of("onnx::Slice_9"))
                .message(5, new ProtoWriter().string(1, "value").message(5, constant).varint(20, 4)));
        g.message(1, node("/embeddings/Slice", "Slice", List.of("onnx::Slice_9", "s"), List.of("pos")));
        g.string(2, "tiny");
        g.message(5, rawTensor("encoder.layer.0.attention.self.query.bias", 1, new long[] {3}, floats(1, 2, 3)));
        g.message(5, rawTensor("onnx::MatMul_7", 1, new long[] {2, 3}, floats(0, 1, 2, 3, 4, 5)));
        g.message(5, rawTensor("onnx::Gemm_8", 1, new long[] {1, 3}, floats(7, 8, 9)));
        g.message(5, new ProtoWriter().varint(1, 2).varint(2, 1).bytes(4, floats(0.5f, -1)).string(8, "scale"));
        g.message(5, new ProtoWriter().varint(2, 8).string(8, "label").bytes(6, "a".getBytes()));   // STRING
        g.message(11, new ProtoWriter().string(1, "x"));
        g.message(11, new ProtoWriter().string(1, "scale"));   // an initializer listed as input (IR < 4 style)
        g.message(12, new ProtoWriter().string(1, "p"));
        return model(g);
    }

    @Test
    void renamesMatMulWeightsAndReturnsThemInHfLayout() {
        try (OnnxInitializers src = OnnxInitializers.fromBytes(tinyModel(), ORIGIN)) {
            assertEquals(List.of("encoder.layer.0.attention.self.query.bias", "encoder.layer.0.attention.self.query.weight",
                    "pooler.dense.weight", "scale", "embeddings.position_ids"), List.copyOf(src.names()));
            StoredTensor w = src.get("encoder.layer.0.attention.self.query.weight");
            assertArrayEquals(new long[] {3, 2}, w.shape());
            assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, w.toFloats());   // [in=2, out=3] → [out, in]
            assertTrue(src.isTransposed(w.name()));
            assertEquals("onnx::MatMul_7", src.originalName(w.name()));
            StoredTensor stored = src.get("onnx::MatMul_7");   // the file's name gives the bytes as stored
            assertArrayEquals(new long[] {2, 3}, stored.shape());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, stored.toFloats());

            StoredTensor gemm = src.get("pooler.dense.weight");   // Gemm with transB=1 is already [out, in]
            assertFalse(src.isTransposed("pooler.dense.weight"));
            assertArrayEquals(new long[] {1, 3}, gemm.shape());
            assertEquals("encoder.layer.0.attention.self.query.bias",
                    src.originalName("encoder.layer.0.attention.self.query.bias"));
        }
    }

    @Test
    void decodesTypedFieldsConstantsAndSkipsStrings() {
        try (OnnxInitializers src = OnnxInitializers.fromBytes(tinyModel(), ORIGIN)) {
            assertArrayEquals(new float[] {0.5f, -1}, src.get("scale").toFloats());
            StoredTensor pos = src.get("embeddings.position_ids");
            assertEquals(TensorDType.I64, pos.dtype());
            assertArrayEquals(new long[] {1, 3}, pos.shape());
            assertEquals(2, pos.data().getLong(16));
            assertEquals("onnx::Slice_9", src.originalName("embeddings.position_ids"));
            assertEquals(Set.of("label"), src.skipped().keySet());
            CheckpointException e = assertThrows(CheckpointException.class, () -> src.get("label"));
            assertTrue(e.getMessage().contains("tiny.onnx") && e.getMessage().contains("skipped"), e.getMessage());
            assertEquals(List.of("x"), src.graph().inputs());
            assertEquals(List.of("p"), src.graph().outputs());
        }
    }

    @Test
    void externalDataIsRefusedNamingFileAndTensor() {
        ProtoWriter ext = new ProtoWriter().varint(1, 2).varint(2, 1).string(8, "big.weight")
                .message(13, new ProtoWriter().string(1, "location").string(2, "big.weight.bin")).varint(14, 1);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> OnnxInitializers.fromBytes(model(new ProtoWriter().message(5, ext)), ORIGIN));
        assertTrue(e.getMessage().contains("tiny.onnx") && e.getMessage().contains("big.weight")
                && e.getMessage().contains("external"), e.getMessage());
    }

    @Test
    void malformedOrTruncatedModelNamesTheFile() {
        byte[] good = tinyModel();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> OnnxInitializers.fromBytes(Arrays.copyOf(good, good.length - 5), ORIGIN));
        assertTrue(e.getMessage().startsWith("tiny.onnx: malformed ONNX model"), e.getMessage());
        e = assertThrows(CheckpointException.class,
                () -> OnnxInitializers.fromBytes(rawTensor("w", 1, new long[] {4}, floats(1, 2, 3)).toByteArray(), ORIGIN));
        assertTrue(e.getMessage().contains("tiny.onnx"), e.getMessage());
        // Bytes that disagree with the dims are corruption, not a tensor to skip.
        byte[] bad = model(new ProtoWriter().message(5, rawTensor("w", 1, new long[] {4}, floats(1, 2, 3))));
        e = assertThrows(CheckpointException.class, () -> OnnxInitializers.fromBytes(bad, ORIGIN));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("needs 16 bytes"), e.getMessage());
    }

    @Test
    void closedSourceRefusesReads() {
        OnnxInitializers src = OnnxInitializers.fromBytes(tinyModel(), ORIGIN);
        src.close();
        assertThrows(CheckpointException.class, () -> src.get("scale"));
    }

    @Test
    void transposeHandlesEveryWidth() {
        ByteBuffer halfs = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (short i = 0; i < 6; i++) halfs.putShort(i);
        ByteBuffer t = OnnxInitializers.transpose(halfs.flip(), 2, 3, 2);
        short[] got = new short[6];
        for (int i = 0; i < 6; i++) got[i] = t.getShort(i * 2);
        assertArrayEquals(new short[] {0, 3, 1, 4, 2, 5}, got);
    }
}
