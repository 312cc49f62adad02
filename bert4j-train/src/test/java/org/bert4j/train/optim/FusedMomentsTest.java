package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bert4j.nn.HostStorage;
import org.bert4j.nn.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The one-pass host update ({@link FusedMoments}) against the engine ops it replaces. A transposed parameter is
 * not contiguous, so {@link HostStorage} refuses it and it takes the engine path; the same values and gradients
 * as a contiguous twin (which takes the fused path) must give the same parameters after several steps. The
 * tensors span several parallel chunks, so the chunked reductions of LAMB's norms are covered too.
 */
class FusedMomentsTest {

    private static final int ROWS = 300;
    private static final int COLUMNS = 400; // 120 000 values: 4 chunks of 2^15

    @Test
    void hostStorageSharesContiguousFloat32AndRefusesTheRest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.zeros(new Shape(2, 3));
            FloatBuffer shared = HostStorage.floats(x);
            assertNotNull(shared);
            shared.put(4, 7f);
            assertEquals(7f, x.getFloat(1, 1), "a write through the buffer is a write to the tensor");
            assertNull(HostStorage.floats(x.transpose()), "a transposed view would be copied: refused");
            assertNull(HostStorage.floats(x.toType(DataType.FLOAT64, false)), "not float32: refused");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fusedPassEqualsEngineOps(Kind kind) {
        AdamSettings settings = new AdamSettings(0.9, 0.999, 1e-6, 0.1, true);
        Random random = new Random(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            double[] initial = GradientFixtures.random(random, ROWS * COLUMNS, 1, DataType.FLOAT32);
            Parameter contiguous = GradientFixtures.parameter(manager, DataType.FLOAT32, initial, ROWS, COLUMNS);
            // The same values seen through a transpose: (COLUMNS, ROWS) storage, (ROWS, COLUMNS) view.
            Parameter strided = new Parameter(new Shape(ROWS, COLUMNS), Parameter.Init.RANDOM);
            strided.set(manager.create(initial, new Shape(ROWS, COLUMNS)).toType(DataType.FLOAT32, false)
                    .transpose().flatten().reshape(COLUMNS, ROWS).transpose()); // flatten copies: contiguous storage
            strided.value().setRequiresGradient(true);
            Parameter bias = GradientFixtures.parameter(manager, DataType.FLOAT32, new double[50], 50);
            List<TrainableParameter> fused = List.of(new TrainableParameter("w", contiguous, true),
                    new TrainableParameter("b", bias, false));
            List<TrainableParameter> engine = List.of(new TrainableParameter("w", strided, true));
            assertNull(HostStorage.floats(strided.value()), "the twin must take the engine path");
            try (MomentOptimizer a = kind.create(fused, settings); MomentOptimizer b = kind.create(engine, settings)) {
                for (int step = 1; step <= 4; step++) {
                    double[] g = GradientFixtures.random(random, ROWS * COLUMNS, 1e-2, DataType.FLOAT32);
                    GradientFixtures.setGradients(fused, new double[][] {g, GradientFixtures.random(random, 50, 1, DataType.FLOAT32)});
                    GradientFixtures.setGradients(engine, new double[][] {g});
                    a.step(1e-2f);
                    b.step(1e-2f);
                }
            }
            double[] x = GradientFixtures.values(contiguous.value());
            double[] y = GradientFixtures.values(strided.value());
            double worst = 0;
            for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
            // Identical float32 arithmetic except LAMB's norms (double partial sums vs the engine's float reduction):
            // at most a few units in the last place of values of size ~1.
            assertTrue(worst <= 1e-6, kind + ": fused and engine paths differ by " + worst);
            assertTrue(GradientFixtures.values(bias.value())[0] != 0, "the zero bias moved (LAMB ratio guard: 1)");
            double[] cleared = GradientFixtures.gradient(contiguous);
            for (double c : cleared) assertEquals(0, c, "the fused pass clears the gradient");
        }
    }

    enum Kind {
        ADAMW, LAMB;

        MomentOptimizer create(List<TrainableParameter> parameters, AdamSettings settings) {
            return this == ADAMW ? new AdamW(parameters, settings) : new Lamb(new ArrayList<>(parameters), settings);
        }
    }
}
