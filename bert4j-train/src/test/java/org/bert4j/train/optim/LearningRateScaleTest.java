package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A parameter's learning-rate scale s makes the optimiser move it exactly as it would at the rate lr·s (weight
 * decay included), and leaves the other parameters of the same optimiser at lr: compared bit for bit with
 * separate optimisers run at lr·s and lr. s = 0.25 and a float lr keep lr·s exact in both float and double, so
 * any difference is the optimiser's, not rounding of the product.
 */
class LearningRateScaleTest {

    enum Kind { ADAMW, LAMB }

    private static final double SCALE = 0.25;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scaledParameterMovesAsAtTheScaledRate(Kind kind) {
        AdamSettings settings = new AdamSettings(0.9, 0.999, 1e-6, 0.1, true);
        Function<List<TrainableParameter>, MomentOptimizer> make =
                p -> kind == Kind.ADAMW ? new AdamW(p, settings) : new Lamb(p, settings);
        Random random = new Random(3);
        double[] w = GradientFixtures.random(random, 6, 0.5, DataType.FLOAT32);
        double[] b = GradientFixtures.random(random, 3, 0.5, DataType.FLOAT32);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainableParameter scaled = new TrainableParameter("w", GradientFixtures.parameter(manager, DataType.FLOAT32, w, 2, 3), true, SCALE);
            TrainableParameter plain = new TrainableParameter("b", GradientFixtures.parameter(manager, DataType.FLOAT32, b, 3), false);
            TrainableParameter frozen = new TrainableParameter("f", GradientFixtures.parameter(manager, DataType.FLOAT32, b, 3), true, 0);
            TrainableParameter refScaled = new TrainableParameter("w", GradientFixtures.parameter(manager, DataType.FLOAT32, w, 2, 3), true);
            TrainableParameter refPlain = new TrainableParameter("b", GradientFixtures.parameter(manager, DataType.FLOAT32, b, 3), false);
            List<TrainableParameter> together = List.of(scaled, plain, frozen);
            try (MomentOptimizer mixed = make.apply(together);
                 MomentOptimizer atScaledRate = make.apply(List.of(refScaled));
                 MomentOptimizer atFullRate = make.apply(List.of(refPlain))) {
                for (int step = 1; step <= 4; step++) {
                    double[] gw = GradientFixtures.random(random, 6, 1, DataType.FLOAT32);
                    double[] gb = GradientFixtures.random(random, 3, 1, DataType.FLOAT32);
                    float lr = 0.01f * step;
                    GradientFixtures.setGradients(together, new double[][] {gw, gb, gb});
                    GradientFixtures.setGradients(List.of(refScaled), new double[][] {gw});
                    GradientFixtures.setGradients(List.of(refPlain), new double[][] {gb});
                    mixed.step(lr);
                    atScaledRate.step((float) (lr * SCALE));
                    atFullRate.step(lr);
                    assertArrayEquals(GradientFixtures.values(refScaled.parameter().value()),
                            GradientFixtures.values(scaled.parameter().value()), "scaled parameter, step " + step);
                    assertArrayEquals(GradientFixtures.values(refPlain.parameter().value()),
                            GradientFixtures.values(plain.parameter().value()), "unscaled parameter, step " + step);
                    assertArrayEquals(b, GradientFixtures.values(frozen.parameter().value()), "scale 0 never moves");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void negativeOrNonFiniteScalesAreRefused(Kind kind) {
        try (NDManager manager = NDManager.newBaseManager()) {
            var p = GradientFixtures.parameter(manager, DataType.FLOAT32, new double[] {1}, 1);
            assertThrows(IllegalArgumentException.class, () -> new TrainableParameter("x", p, false, -0.5));
            assertThrows(IllegalArgumentException.class, () -> new TrainableParameter("x", p, false, Double.NaN));
        }
    }
}
