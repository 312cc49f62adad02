package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.testing.TinyModels.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-by-row token-table gradients ({@link SparseTableGradients}) equal autograd's dense ones, for every parameter,
 * with the table both looked up and tied to the MLM decoder (BERT, ALBERT's factorised table, RoFormerV2's bare
 * decoder), and a loop that forgets to add the rows is stopped.
 */
class SparseTableGradientsTest {

    @ParameterizedTest
    @ValueSource(strings = {"bert", "albert", "roformer_v2"})
    void rowGradientsEqualAutogradsDenseOnes(String variant) {
        try (LoadedModel reference = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 5);
             LoadedModel loaded = ModelBuilder.create(TinyModels.hf(variant), DataType.FLOAT32, 5)) {
            reference.model().requireGradients();
            Map<String, float[]> dense = gradients(reference.model(), null);
            assertTrue(maxAbs(dense.get("encoder.embeddings.tokens.weight")) > 0, "the batch reaches the token table");
            EncoderModel model = loaded.model(); // fresh: prepare() has to create the table's .grad
            model.requireGradients();
            SparseTableGradients rows = model.useSparseTokenGradients();
            assertClose(dense, gradients(model, rows), variant + " first pass");
            assertClose(dense, gradients(model, rows), variant + " second pass, on the zeroed .grad");
        }
    }

    private static void assertClose(Map<String, float[]> expected, Map<String, float[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, g) -> {
            float[] a = actual.get(path);
            for (int i = 0; i < g.length; i++) {
                assertEquals(g[i], a[i], 1e-6 * Math.max(1, maxAbs(g)), what + " " + path + "[" + i + "]");
            }
        });
    }

    @Test
    void aSecondPassBeforeTheRowsAreAddedFails() {
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT32, 5)) {
            EncoderModel model = loaded.model();
            model.requireGradients();
            SparseTableGradients rows = model.useSparseTokenGradients();
            gradients(model, rows);
            try (NDManager scope = model.manager().newSubManager()) {
                Batch b = TinyModels.batch(scope, TinyModels.config("bert"), new long[] {6, 4}, 6, 2);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    model.encode(b.ids(), b.types(), b.mask(), true); // recorded, never added
                    IllegalStateException e = assertThrows(IllegalStateException.class,
                            () -> model.encode(b.ids(), b.types(), b.mask(), true));
                    assertTrue(e.getMessage().contains("addToTables"), e.getMessage());
                }
            }
        }
    }

    /** One pass's gradients (hidden states and MLM logits against fixed weights), read and then cleared. */
    private static Map<String, float[]> gradients(EncoderModel model, SparseTableGradients rows) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager scope = model.manager().newSubManager()) {
            Batch b = TinyModels.batch(scope, TinyModels.config("bert"), new long[] {6, 4}, 6, 2);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray hidden = model.encode(b.ids(), b.types(), b.mask(), true).last(); // (2, 6, d)
                NDArray logits = model.mlm().logits(hidden.reshape(-1, TinyModels.HIDDEN)); // (12, V)
                NDArray loss = hidden.mul(TinyModels.randomWeights(scope, DataType.FLOAT32, 7, 2, 6, TinyModels.HIDDEN)).sum()
                        .add(logits.mul(TinyModels.randomWeights(scope, DataType.FLOAT32, 8, 12, TinyModels.VOCAB)).sum());
                gc.backward(loss);
                if (rows != null) rows.addToTables();
            }
            model.namedParameters().forEach((path, p) -> {
                try (NDArray g = p.value().getGradient()) {
                    out.put(path, g.toFloatArray());
                    g.subi(g);
                }
            });
        }
        return out;
    }

    private static float maxAbs(float[] values) {
        float m = 0;
        for (float v : values) m = Math.max(m, Math.abs(v));
        return m;
    }
}
