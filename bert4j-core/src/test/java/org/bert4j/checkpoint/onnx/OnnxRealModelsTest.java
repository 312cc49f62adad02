package org.bert4j.checkpoint.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.junit.jupiter.api.Test;

/** Names, shapes and layouts from the real PyTorch exports shipped in the langchain4j embedding jars. */
class OnnxRealModelsTest {

    static byte[] resource(String name) {
        try (InputStream in = OnnxRealModelsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " not on the test classpath (langchain4j embeddings jar)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 16 HF parameter names of one BERT layer, in the order the exporter writes them (biases first). */
    static List<String> layerNames(int layer) {
        String p = "encoder.layer." + layer + ".";
        List<String> out = new ArrayList<>();
        for (String s : List.of("attention.self.query.bias", "attention.self.key.bias", "attention.self.value.bias",
                "attention.output.dense.bias", "attention.output.LayerNorm.weight", "attention.output.LayerNorm.bias",
                "intermediate.dense.bias", "output.dense.bias", "output.LayerNorm.weight", "output.LayerNorm.bias")) {
            out.add(p + s);
        }
        return out;
    }

    /** @param positionIdsInitializer true: position_ids is an initializer (first); false: a Constant node (last) */
    static List<String> expectedNames(int layers, boolean positionIdsInitializer) {
        List<String> out = new ArrayList<>();
        if (positionIdsInitializer) out.add("embeddings.position_ids");
        out.addAll(List.of("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"));
        for (int l = 0; l < layers; l++) out.addAll(layerNames(l));
        for (int l = 0; l < layers; l++) {
            for (String s : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "intermediate.dense", "output.dense")) {
                out.add("encoder.layer." + l + "." + s + ".weight");
            }
        }
        if (!positionIdsInitializer) out.add("embeddings.position_ids");
        return out;
    }

    static void assertBertShapes(OnnxInitializers src, int layers, int d, int ff, int vocab) {
        assertArrayEquals(new long[] {vocab, d}, src.get("embeddings.word_embeddings.weight").shape());
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            assertArrayEquals(new long[] {d, d}, src.get(p + "attention.self.value.weight").shape());
            assertArrayEquals(new long[] {ff, d}, src.get(p + "intermediate.dense.weight").shape(), "HF [out, in]");
            assertArrayEquals(new long[] {d, ff}, src.get(p + "output.dense.weight").shape(), "HF [out, in]");
            assertArrayEquals(new long[] {d}, src.get(p + "output.LayerNorm.bias").shape());
        }
    }

    @Test
    void bgeSmallZh() {
        try (OnnxInitializers src = OnnxInitializers.fromBytes(resource("bge-small-zh-v1.5.onnx"),
                Path.of("bge-small-zh-v1.5.onnx"))) {
            assertEquals(expectedNames(4, false), List.copyOf(src.names()));
            assertBertShapes(src, 4, 512, 2048, 21128);
            assertTrue(src.skipped().isEmpty());
            assertEquals("onnx::MatMul_541", src.originalName("encoder.layer.0.attention.self.query.weight"));
            // The position_ids buffer was folded into a Constant node named like a torch temporary.
            assertEquals("onnx::Slice_86", src.originalName("embeddings.position_ids"));
            assertEquals(511, src.get("embeddings.position_ids").data().getLong(511 * 8));
            assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), src.graph().inputs());
            assertEquals(List.of("last_hidden_state"), src.graph().outputs());
            assertEquals(List.of("/encoder/layer.0/output/LayerNorm/Add_1_output_0",
                    "/encoder/layer.1/output/LayerNorm/Add_1_output_0", "/encoder/layer.2/output/LayerNorm/Add_1_output_0",
                    "last_hidden_state"), src.graph().layerOutputs());
            assertEquals(Optional.of("/embeddings/LayerNorm/Add_1_output_0"), src.graph().embeddingsOutput());

            // Every renamed matrix, element for element, is the transpose of the initializer the file holds.
            int checked = 0;
            for (String name : src.names()) {
                if (!src.isTransposed(name)) continue;
                StoredTensor hf = src.get(name), raw = src.get(src.originalName(name));
                int in = (int) raw.shape()[0], out = (int) raw.shape()[1];
                assertArrayEquals(new long[] {out, in}, hf.shape(), name);
                float[] a = hf.toFloats(), b = raw.toFloats();
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        if (Float.floatToRawIntBits(a[o * in + i]) != Float.floatToRawIntBits(b[i * out + o])) {
                            throw new AssertionError(name + " differs at [" + o + "," + i + "]");
                        }
                    }
                }
                checked++;
            }
            assertEquals(24, checked);
        }
    }

    @Test
    void allMiniLmL6() {
        try (OnnxInitializers src = OnnxInitializers.fromBytes(resource("all-minilm-l6-v2.onnx"),
                Path.of("all-minilm-l6-v2.onnx"))) {
            assertEquals(expectedNames(6, true), List.copyOf(src.names()));
            assertBertShapes(src, 6, 384, 1536, 30522);
            StoredTensor pos = src.get("embeddings.position_ids");
            assertEquals(TensorDType.I64, pos.dtype());
            assertArrayEquals(new long[] {1, 512}, pos.shape());
            assertEquals(511, pos.data().getLong(511 * 8));
            assertEquals(6, src.graph().layerOutputs().size());
        }
    }
}
