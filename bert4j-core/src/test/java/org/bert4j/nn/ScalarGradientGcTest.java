package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.testing.TinyModels.Batch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gradients do not depend on when the JVM collects garbage (see {@link Scalars}): the same forward and backward,
 * once plainly and once with garbage collections and fresh direct buffers full of NaN between them, must give
 * bit-identical gradients. The variants cover every scalar op in a forward pass: attention 1/√d_h (BERT), the tanh
 * GELU's constants (ALBERT), RMS norm's exponent (RoFormerV2), GAU's 1/√s, and the residual scale α = 0.5.
 */
class ScalarGradientGcTest {

    @ParameterizedTest
    @ValueSource(strings = {"bert", "albert", "roformer_v2", "gau_alpha"})
    void gradientsSurviveGarbageCollectionBetweenForwardAndBackward(String variant) throws InterruptedException {
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 3)) {
            EncoderModel model = loaded.model();
            model.requireGradients();
            model.setResidualScale(0.5f);
            Map<String, float[]> plain = gradients(model, false);
            Map<String, float[]> collected = gradients(model, true);
            plain.forEach((path, g) -> assertArrayEquals(g, collected.get(path), variant + " " + path));
        }
    }

    private static Map<String, float[]> gradients(EncoderModel model, boolean collectBeforeBackward) throws InterruptedException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager scope = model.manager().newSubManager()) {
            Batch b = TinyModels.batch(scope, TinyModels.config("bert"), new long[] {7, 5}, 7, 1);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray hidden = model.encode(b.ids(), b.types(), b.mask(), true).last();
                NDArray loss = hidden.mul(TinyModels.randomWeights(scope, DataType.FLOAT32, 2, 2, 7, TinyModels.HIDDEN)).sum();
                if (collectBeforeBackward) overwriteFreedBuffers();
                collector.backward(loss);
            }
            model.namedParameters().forEach((path, p) -> {
                if (!path.startsWith("encoder.")) return;
                try (NDArray g = p.value().getGradient()) {
                    out.put(path, g.toFloatArray());
                    g.subi(g);
                }
            });
        }
        return out;
    }

    /** Lets the collector free unreachable direct buffers, then reuses that memory for NaN-filled buffers. */
    private static void overwriteFreedBuffers() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8);
            buffer.putDouble(0, Double.NaN);
            junk.add(buffer);
        }
    }
}
