package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bert4j.train.optim.ReferenceOptimizer.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Five AdamW / LAMB steps against {@link ReferenceOptimizer} on four tensors chosen so every rule shows:
 * a decayed matrix; a non-decayed vector with gradients of order 1e-5 (so √v̂ ~ ε and the place of ε in
 * m̂/(√v̂ + ε) changes the update by ~10%); a zero-initialised bias (‖x‖ = 0 at step 1: LAMB's ratio guard);
 * and a zero tensor with zero gradient (‖r‖ = 0: the other guard, and decay of 0 stays 0).
 * λ = 0.1 and lr ≈ 1e-2 make the decoupled decay move x by ~1e-3 per step, far above the tolerance.
 */
class OptimizerReferenceTest {

    private static final long[][] SHAPES = {{3, 4}, {4}, {5}, {2, 2}};
    private static final boolean[] DECAY = {true, false, false, true};
    private static final double[] GRADIENT_SCALE = {1, 1e-5, 1, 0};
    private static final double[] INITIAL_SCALE = {1, 1, 0, 0};

    @ParameterizedTest(name = "{0} bias correction {1} {2}")
    @CsvSource({"ADAMW, true, FLOAT64", "ADAMW, false, FLOAT64", "LAMB, true, FLOAT64", "LAMB, false, FLOAT64",
            "ADAMW, true, FLOAT32", "LAMB, true, FLOAT32", "LAMB, false, FLOAT32"})
    void matchesFloat64Reference(Kind kind, boolean biasCorrection, DataType type) {
        // float64: the same formula up to rounding (1e-12); float32: single-precision rounding of x (6e-8 relative)
        // and of the moments over five steps stays within 1e-6 relative, while every rule above moves x by >= 1e-5.
        double tolerance = type == DataType.FLOAT64 ? 1e-12 : 1e-6;
        AdamSettings settings = new AdamSettings(0.9, 0.999, 1e-6, 0.1, biasCorrection);
        Random random = new Random(42);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> parameters = new ArrayList<>();
            double[][] reference = new double[SHAPES.length][];
            for (int i = 0; i < SHAPES.length; i++) {
                int size = (int) Arrays.stream(SHAPES[i]).reduce(1, (a, b) -> a * b);
                reference[i] = GradientFixtures.random(random, size, INITIAL_SCALE[i], type);
                parameters.add(new TrainableParameter("p" + i,
                        GradientFixtures.parameter(manager, type, reference[i], SHAPES[i]), DECAY[i]));
            }
            ReferenceOptimizer expected = new ReferenceOptimizer(kind, settings, reference);
            try (MomentOptimizer optimizer = kind == Kind.ADAMW ? new AdamW(parameters, settings) : new Lamb(parameters, settings)) {
                for (int step = 1; step <= 5; step++) {
                    double[][] gradients = new double[SHAPES.length][];
                    for (int i = 0; i < SHAPES.length; i++) {
                        gradients[i] = GradientFixtures.random(random, reference[i].length, GRADIENT_SCALE[i], type);
                    }
                    double lr = 1e-2 * (1 + 0.5 * step); // a changing rate, as under a schedule
                    GradientFixtures.setGradients(parameters, gradients);
                    optimizer.step((float) lr);
                    expected.step(reference, gradients, DECAY, (float) lr);
                    for (int i = 0; i < SHAPES.length; i++) {
                        double[] actual = GradientFixtures.values(parameters.get(i).parameter().value());
                        double scale = Math.max(1e-3, maxAbs(reference[i]));
                        for (int j = 0; j < actual.length; j++) {
                            double error = Math.abs(actual[j] - reference[i][j]) / scale;
                            assertTrue(error <= tolerance, kind + " step " + step + " p" + i + "[" + j + "]: " + actual[j]
                                    + " vs reference " + reference[i][j] + " (relative error " + error + ")");
                        }
                        // The step consumed the gradient: the next backward starts from 0.
                        assertArrayEquals(new double[actual.length], GradientFixtures.gradient(parameters.get(i).parameter()));
                    }
                    assertEquals(step, optimizer.steps());
                }
            }
        }
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) max = Math.max(max, Math.abs(v));
        return max;
    }
}
