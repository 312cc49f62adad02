package org.bert4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact multipliers at chosen steps, worked out by hand in the comments. */
class ScheduleTest {

    private static final double EXACT = 1e-15;

    @Test
    void constantAfterWarmup() {
        Schedule s = new Schedule.Constant(4);
        assertEquals(0.0, s.multiplier(0));
        assertEquals(0.25, s.multiplier(1));
        assertEquals(0.75, s.multiplier(3));
        assertEquals(1.0, s.multiplier(4));
        assertEquals(1.0, s.multiplier(1_000_000));
        assertEquals(1.0, new Schedule.Constant(0).multiplier(0)); // no warm-up: full rate from the first step
    }

    @Test
    void linearDecayToZero() {
        Schedule s = new Schedule.LinearDecay(10, 110);
        assertEquals(0.5, s.multiplier(5));
        assertEquals(1.0, s.multiplier(10));
        assertEquals(0.5, s.multiplier(60));   // (110 − 60) / (110 − 10)
        assertEquals(0.01, s.multiplier(109), EXACT);
        assertEquals(0.0, s.multiplier(110));
        assertEquals(0.0, s.multiplier(500));  // never negative
    }

    @Test
    void cosineDecayToFloor() {
        Schedule s = new Schedule.CosineDecay(10, 110, 0.1);
        assertEquals(0.3, s.multiplier(3), EXACT);
        assertEquals(1.0, s.multiplier(10));
        // progress 1/4: 0.1 + 0.9 · (1 + cos(π/4)) / 2 = 0.1 + 0.9 · 0.853553390593... = 0.868198051533946
        assertEquals(0.868198051533946, s.multiplier(35), EXACT);
        assertEquals(0.55, s.multiplier(60), EXACT); // halfway: cos(π/2) = 0
        assertEquals(0.1, s.multiplier(110), EXACT);
        assertEquals(0.1, s.multiplier(10_000), EXACT);
        assertEquals(0.5, new Schedule.CosineDecay(0, 100, 0).multiplier(50), EXACT);
    }

    @Test
    void piecewiseLinearAsBert4keras() {
        // bert4keras {1000: 1, 2000: 0.1}: an implicit 0 at step 0, 0 → 1 over 1000 steps, 1 → 0.1 over the next 1000.
        Schedule s = Schedule.PiecewiseLinear.of(Map.of(1000L, 1.0, 2000L, 0.1));
        assertEquals(0.0, s.multiplier(0));
        assertEquals(0.5, s.multiplier(500));
        assertEquals(1.0, s.multiplier(1000));
        assertEquals(0.55, s.multiplier(1500), EXACT);
        assertEquals(0.1, s.multiplier(2000), EXACT);
        assertEquals(0.1, s.multiplier(9999), EXACT); // the last value holds
        // A point at step 0 replaces the implicit zero.
        Schedule fromOne = Schedule.PiecewiseLinear.of(Map.of(0L, 1.0, 10L, 0.0));
        assertEquals(1.0, fromOne.multiplier(0));
        assertEquals(0.7, fromOne.multiplier(3), EXACT);
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule.LinearDecay(10, 10));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.CosineDecay(0, 10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.Constant(-1));
        assertThrows(IllegalArgumentException.class, () -> Schedule.PiecewiseLinear.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Schedule.PiecewiseLinear.of(Map.of(5L, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new Schedule.Constant(3).multiplier(-1));
    }
}
