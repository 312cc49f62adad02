package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The returned norm is the float64 norm of all gradients together, and clipping multiplies every gradient by
 * max / (norm + 1e-6). Float32 sums of ~100 squares round at ~1e-7 relative, hence 1e-6.
 */
class GradientClippingTest {

    private static final long[][] SHAPES = {{6, 5}, {5}, {7, 3}, {1}};

    @Test
    void clipsByTheGlobalNormWithOneFactor() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> parameters = parameters(manager);
            double[][] gradients = gradients(new Random(3));
            GradientFixtures.setGradients(parameters, gradients);
            double norm = globalNorm(gradients);
            double maxNorm = norm / 4;
            try (NDManager scope = manager.newSubManager()) {
                NDArray returned = GradientClipping.clipGlobalNorm(parameters, maxNorm, scope);
                assertEquals(norm, returned.toType(DataType.FLOAT64, false).getDouble(), 1e-6 * norm);
            }
            double factor = maxNorm / (norm + GradientClipping.NORM_EPSILON);
            double[][] clipped = new double[SHAPES.length][];
            for (int i = 0; i < SHAPES.length; i++) {
                clipped[i] = GradientFixtures.gradient(parameters.get(i).parameter());
                for (int j = 0; j < clipped[i].length; j++) {
                    assertEquals(gradients[i][j] * factor, clipped[i][j], 1e-6 * Math.abs(gradients[i][j] * factor) + 1e-12);
                }
            }
            assertEquals(maxNorm, globalNorm(clipped), 1e-6 * maxNorm);
        }
    }

    @Test
    void smallGradientsAreLeftBitForBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> parameters = parameters(manager);
            double[][] gradients = gradients(new Random(4));
            GradientFixtures.setGradients(parameters, gradients);
            try (NDManager scope = manager.newSubManager()) {
                GradientClipping.clipGlobalNorm(parameters, 2 * globalNorm(gradients), scope);
            }
            for (int i = 0; i < SHAPES.length; i++) {
                assertArrayEquals(gradients[i], GradientFixtures.gradient(parameters.get(i).parameter()));
            }
        }
    }

    private static List<TrainableParameter> parameters(NDManager manager) {
        Random random = new Random(1);
        List<TrainableParameter> out = new ArrayList<>();
        for (int i = 0; i < SHAPES.length; i++) {
            out.add(new TrainableParameter("p" + i, GradientFixtures.parameter(manager, DataType.FLOAT32,
                    GradientFixtures.random(random, size(i), 1, DataType.FLOAT32), SHAPES[i]), true));
        }
        return out;
    }

    private static double[][] gradients(Random random) {
        double[][] out = new double[SHAPES.length][];
        for (int i = 0; i < SHAPES.length; i++) out[i] = GradientFixtures.random(random, size(i), 3, DataType.FLOAT32);
        return out;
    }

    private static double globalNorm(double[][] gradients) {
        double sum = 0;
        for (double[] g : gradients) for (double v : g) sum += v * v;
        return Math.sqrt(sum);
    }

    private static int size(int i) {
        int n = 1;
        for (long d : SHAPES[i]) n *= (int) d;
        return n;
    }
}
