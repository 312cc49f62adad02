package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resume is exact: an optimiser rebuilt from exported state (moments copied out through host arrays, as a
 * checkpoint file would hold them) and the step count makes bit-identical updates to the one that kept running.
 * The step count matters: with bias correction a wrong count changes the very next update.
 */
class OptimizerStateTest {

    private static final long[][] SHAPES = {{3, 4}, {4}};

    @ParameterizedTest
    @ValueSource(strings = {"adamw", "lamb"})
    void resumedOptimiserMakesIdenticalUpdates(String kind) {
        AdamSettings settings = new AdamSettings(0.9, 0.999, 1e-6, 0.01, true);
        Function<List<TrainableParameter>, MomentOptimizer> create =
                ps -> kind.equals("adamw") ? new AdamW(ps, settings) : new Lamb(ps, settings);
        Random random = new Random(7);
        double[][][] gradients = new double[5][SHAPES.length][];
        for (double[][] step : gradients) {
            for (int i = 0; i < SHAPES.length; i++) step[i] = GradientFixtures.random(random, size(i), 1, DataType.FLOAT32);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> running = parameters(manager, 1);
            MomentOptimizer original = create.apply(running);
            for (int s = 0; s < 3; s++) step(original, running, gradients[s]);
            // The "checkpoint": parameter values and moments as host arrays.
            double[][] savedValues = new double[SHAPES.length][];
            for (int i = 0; i < SHAPES.length; i++) savedValues[i] = GradientFixtures.values(running.get(i).parameter().value());
            Map<String, double[]> savedState = new LinkedHashMap<>();
            original.state().forEach((key, array) -> savedState.put(key, GradientFixtures.values(array)));
            assertEquals(List.of("p0.m", "p0.v", "p1.m", "p1.v"), List.copyOf(savedState.keySet()));
            long savedSteps = original.steps();

            List<TrainableParameter> resumed = parameters(manager, 2);
            for (int i = 0; i < SHAPES.length; i++) {
                NDArray value = manager.create(savedValues[i], running.get(i).parameter().shape());
                resumed.get(i).parameter().set(value.toType(DataType.FLOAT32, false));
                resumed.get(i).parameter().value().setRequiresGradient(true);
            }
            MomentOptimizer restarted = create.apply(resumed);
            try (NDManager file = NDManager.newBaseManager()) {
                Map<String, NDArray> state = new LinkedHashMap<>();
                savedState.forEach((key, values) -> state.put(key, file.create(values, restarted.state().get(key).getShape())));
                restarted.loadState(state, savedSteps);
            }
            for (int s = 3; s < 5; s++) {
                step(original, running, gradients[s]);
                step(restarted, resumed, gradients[s]);
                for (int i = 0; i < SHAPES.length; i++) {
                    assertArrayEquals(running.get(i).parameter().value().toFloatArray(),
                            resumed.get(i).parameter().value().toFloatArray(), "p" + i + " after step " + (s + 1));
                }
            }
            assertEquals(5, restarted.steps());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "unexpected", "shape", "steps"})
    void badStateIsRejectedWithTheKeyNamed(String defect) {
        try (NDManager manager = NDManager.newBaseManager();
             AdamW optimizer = new AdamW(parameters(manager, 1), AdamSettings.bert())) {
            Map<String, NDArray> state = new LinkedHashMap<>(optimizer.state());
            long steps = 3;
            String expected = switch (defect) {
                case "missing" -> { state.remove("p1.v"); yield "p1.v"; }
                case "unexpected" -> { state.put("p2.m", manager.zeros(new Shape(4))); yield "p2.m"; }
                case "shape" -> { state.put("p0.m", manager.zeros(new Shape(4, 3))); yield "p0.m"; }
                default -> { steps = -1; yield "step count"; }
            };
            long s = steps;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> optimizer.loadState(state, s));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    private static void step(MomentOptimizer optimizer, List<TrainableParameter> parameters, double[][] gradients) {
        GradientFixtures.setGradients(parameters, gradients);
        optimizer.step(1e-2f);
    }

    private static List<TrainableParameter> parameters(NDManager manager, long seed) {
        Random random = new Random(seed);
        List<TrainableParameter> out = new ArrayList<>();
        for (int i = 0; i < SHAPES.length; i++) {
            out.add(new TrainableParameter("p" + i, GradientFixtures.parameter(manager, DataType.FLOAT32,
                    GradientFixtures.random(random, size(i), 1, DataType.FLOAT32), SHAPES[i]), i == 0));
        }
        return out;
    }

    private static int size(int i) {
        int n = 1;
        for (long d : SHAPES[i]) n *= (int) d;
        return n;
    }
}
