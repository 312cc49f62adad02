package org.bert4j.checkpoint.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extra graph outputs, checked in the real ONNX Runtime on the real bge-small-zh export. */
class OnnxGraphEditorTest {

    @Test
    void layerOutputsBecomeFetchableInOnnxRuntime() throws OrtException {
        byte[] model = OnnxRealModelsTest.resource("bge-small-zh-v1.5.onnx");
        OnnxGraph graph = OnnxGraph.of(model, "bge-small-zh-v1.5.onnx");
        List<String> wanted = new ArrayList<>();
        wanted.add(graph.embeddingsOutput().orElseThrow());
        wanted.addAll(graph.layerOutputs());   // the last one is last_hidden_state already: left alone
        byte[] edited = OnnxGraphEditor.withExtraOutputs(model, wanted);

        // The edit changes only the output list: same initializers, nodes and inputs.
        OnnxInitializers reread = OnnxInitializers.fromBytes(edited, Path.of("edited.onnx"));
        List<String> outputs = new ArrayList<>(List.of("last_hidden_state"));
        outputs.addAll(wanted.subList(0, wanted.size() - 1));
        assertEquals(outputs, reread.graph().outputs());
        assertEquals(graph.nodes().size(), reread.graph().nodes().size());
        assertEquals(graph.inputs(), reread.graph().inputs());
        assertArrayEquals(reread.get("embeddings.LayerNorm.bias").toFloats(),
                OnnxInitializers.fromBytes(model, Path.of("x")).get("embeddings.LayerNorm.bias").toFloats());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[][] ids = {{101, 2769, 4263, 1266, 776, 102}};   // [CLS] 我 爱 北 京 [SEP]
        long[][] mask = {{1, 1, 1, 1, 1, 1}};
        long[][] types = {{0, 0, 0, 0, 0, 0}};
        try (OrtSession session = env.createSession(edited, new OrtSession.SessionOptions());
             OnnxTensor a = OnnxTensor.createTensor(env, ids);
             OnnxTensor b = OnnxTensor.createTensor(env, mask);
             OnnxTensor c = OnnxTensor.createTensor(env, types);
             OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
            float[] previous = null;
            for (String name : wanted) {
                OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow();
                assertArrayEquals(new long[] {1, 6, 512}, t.getInfo().getShape(), name);
                float[] v = floats(t.getFloatBuffer());
                assertTrue(Float.isFinite(v[0]), name);
                if (previous != null) assertFalse(Arrays.equals(previous, v), "each layer changes the states");
                previous = v;
            }
        }
    }

    @Test
    void unknownNamesAreRejectedWithSuggestions() {
        byte[] model = OnnxInitializersTest.tinyModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxGraphEditor.withExtraOutputs(model, List.of("q", "nope")));
        assertTrue(e.getMessage().contains("[nope]"), e.getMessage());
        byte[] edited = OnnxGraphEditor.withExtraOutputs(model, List.of("q", "p", "q"));   // p: already an output
        assertEquals(List.of("p", "q"), OnnxInitializers.fromBytes(edited, Path.of("e")).graph().outputs());
    }

    private static float[] floats(FloatBuffer b) {
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }
}
