package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Java-drawn dropout masks: the rate and scale inverted dropout needs, and reproducible from the engine's seed. */
class DropoutMasksTest {

    @Test
    void dropsTheRateAndScalesTheRestToKeepTheMean() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(1000, 1000)); // 1e6 elements: 15 chunks
            float[] mask = new DropoutMasks(11).mask(x, 0.1).toFloatArray();
            float keepScale = (float) (65536.0 / (65536 - 6554)); // round(0.1·2¹⁶) = 6554 dropped of 2¹⁶
            long dropped = 0;
            double sum = 0;
            for (float m : mask) {
                if (m == 0) dropped++;
                else assertEquals(keepScale, m, 0f, "a kept element is scaled by 1/(keep rate)");
                sum += m;
            }
            // σ of the dropped fraction is √(0.1·0.9/1e6) = 3e-4: 5σ bounds
            assertEquals(0.1, dropped / 1e6, 0.0015);
            assertEquals(1.0, sum / 1e6, 0.002);
        }
    }

    @Test
    void theSameSeedGivesTheSameMasksAndEachCallANewOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(300, 500));
            DropoutMasks a = new DropoutMasks(3);
            DropoutMasks b = new DropoutMasks(3);
            float[] first = a.mask(x, 0.25).toFloatArray();
            assertArrayEquals(first, b.mask(x, 0.25).toFloatArray());
            assertFalse(Arrays.equals(first, a.mask(x, 0.25).toFloatArray()), "the next call draws a new mask");
            assertFalse(Arrays.equals(first, new DropoutMasks(4).mask(x, 0.25).toFloatArray()), "another seed");
        }
    }

    @Test
    void theEnginesSeedDecidesTheMasks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(64, 64));
            Engine.getInstance().setRandomSeed(42);
            float[] first = DropoutMasks.fromEngine(manager).mask(x, 0.1).toFloatArray();
            Engine.getInstance().setRandomSeed(42);
            assertArrayEquals(first, DropoutMasks.fromEngine(manager).mask(x, 0.1).toFloatArray());
        }
    }

    @Test
    void dropoutMultipliesByTheMaskInTrainingOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(1f, 4097f).reshape(64, 64).toType(DataType.FLOAT64, false);
            ForwardContext training = new ForwardContext(true, 1f, new DropoutMasks(9), null);
            NDArray y = Dropout.apply(x, 0.3, training);
            assertEquals(DataType.FLOAT64, y.getDataType());
            NDArray expected = x.mul(new DropoutMasks(9).mask(x, 0.3));
            assertArrayEquals(expected.toDoubleArray(), y.toDoubleArray(), 0);
            assertTrue(y.eq(0).sum().getLong() > 0, "some elements dropped");
            assertSame(x, Dropout.apply(x, 0.3, ForwardContext.INFERENCE));
            assertSame(x, Dropout.apply(x, 0, training));
        }
    }
}
