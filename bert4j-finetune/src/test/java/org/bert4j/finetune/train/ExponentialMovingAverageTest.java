package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The average follows shadow ← d·shadow + (1 − d)·θ from the starting weights, computed here in doubles; swapping
 * it in for an action leaves the trained weights bit for bit as they were; a checkpoint round trip keeps it exactly.
 */
class ExponentialMovingAverageTest {

    private static final double DECAY = 0.9;

    @Test
    void updatesFollowTheFormulaAndSwapsRestoreTheWeights(@TempDir Path tmp) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter w = parameter(manager, new float[] {1, -2, 3, 0.5f}, 2, 2);
            Parameter b = parameter(manager, new float[] {0.25f, -1}, 2);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("w", w);
            params.put("b", b);
            double[] expectedW = {1, -2, 3, 0.5};
            try (ExponentialMovingAverage ema = new ExponentialMovingAverage(params, DECAY)) {
                float[][] steps = {{2, -1, 2, 1}, {0, 0, 4, -1}, {3, 1, 1, 2}};
                for (float[] next : steps) {
                    w.value().set(new ai.djl.ndarray.index.NDIndex("..."), manager.create(next, new Shape(2, 2))); // "the optimiser moved w"
                    ema.update();
                    for (int i = 0; i < 4; i++) expectedW[i] = DECAY * expectedW[i] + (1 - DECAY) * next[i];
                }
                float[] shadow = ema.shadow("w").toFloatArray();
                for (int i = 0; i < 4; i++) assertEquals(expectedW[i], shadow[i], 1e-6, "shadow[" + i + "]");
                assertArrayEquals(new float[] {0.25f, -1}, ema.shadow("b").toFloatArray(), "b never moved: its average is itself");

                float[] trained = w.value().toFloatArray();
                float[] seen = ema.withAverage(() -> w.value().toFloatArray());
                assertArrayEquals(shadow, seen, "the action sees the average");
                assertArrayEquals(trained, w.value().toFloatArray(), "the trained weights come back exactly");

                ema.write(tmp);
                try (ExponentialMovingAverage fresh = new ExponentialMovingAverage(params, DECAY)) {
                    fresh.read(tmp);
                    assertArrayEquals(shadow, fresh.shadow("w").toFloatArray());
                }
            }
            assertThrows(IllegalArgumentException.class, () -> new ExponentialMovingAverage(params, 1.0));
        }
    }

    private static Parameter parameter(NDManager manager, float[] values, long... shape) {
        Parameter p = new Parameter(new Shape(shape), Parameter.Init.RANDOM);
        p.set(manager.create(values, new Shape(shape)));
        p.value().setRequiresGradient(true);
        return p;
    }
}
