package org.bert4j.finetune.head;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.bert4j.nn.Parameter;

/**
 * Autograd against float64 central differences (L(θ+ε) − L(θ−ε)) / 2ε, ε = 1e-6, entry by entry. The loss supplier is
 * re-run after each change of a target's value, so it must read the targets' current values.
 */
final class GradientCheck {

    static final double EPS = 1e-6;
    static final double REL_TOL = 1e-6;

    private GradientCheck() {}

    /** A float64 tensor to differentiate, wrapped as a parameter so its value can be swapped. */
    static Parameter tensor(NDManager m, double[] values, long... shape) {
        Parameter p = new Parameter(new Shape(shape), Parameter.Init.RANDOM);
        p.set(m.create(values, new Shape(shape)));
        return p;
    }

    static double[] gaussian(Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < v.length; i++) v[i] = scale * random.nextGaussian();
        return v;
    }

    /** The autograd gradients of every target (float64), one backward pass. */
    static Map<String, double[]> gradients(Map<String, Parameter> targets, Supplier<NDArray> loss) {
        for (Parameter p : targets.values()) p.value().setRequiresGradient(true);
        Map<String, double[]> out = new LinkedHashMap<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.get());
            // An array no gradient reached reads as float32 zeros in DJL, hence the conversion.
            targets.forEach((name, p) -> out.put(name, p.value().getGradient().toType(DataType.FLOAT64, false).toDoubleArray()));
        }
        return out;
    }

    /** Asserts |autograd − finite difference| ≤ REL_TOL·|autograd| + round-off for every entry of every target. */
    static void check(NDManager m, Map<String, Parameter> targets, Supplier<NDArray> loss, String what) {
        Map<String, double[]> analytic = gradients(targets, loss);
        double largest = 0;
        for (double[] g : analytic.values()) for (double v : g) largest = Math.max(largest, Math.abs(v));
        assertTrue(largest > 0, what + ": all gradients are zero");
        // Rounding in L(θ ± ε) alone costs about 1e-16·|L|/ε = 1e-10·|L| in the quotient.
        double roundoff = 1e-9 * Math.max(1, Math.abs(loss.get().getDouble()));
        for (Map.Entry<String, Parameter> e : targets.entrySet()) {
            Parameter p = e.getValue();
            double[] base = p.value().toDoubleArray();
            double[] g = analytic.get(e.getKey());
            for (int i = 0; i < base.length; i++) {
                double[] v = base.clone();
                v[i] = base[i] + EPS;
                p.set(m.create(v, p.shape()));
                double plus = loss.get().getDouble();
                v[i] = base[i] - EPS;
                p.set(m.create(v, p.shape()));
                double minus = loss.get().getDouble();
                double numeric = (plus - minus) / (2 * EPS);
                assertTrue(Math.abs(numeric - g[i]) <= REL_TOL * Math.abs(g[i]) + roundoff, what + ": d/d " + e.getKey()
                        + "[" + i + "]: autograd " + g[i] + " vs finite difference " + numeric);
            }
            p.set(m.create(base, p.shape()));
        }
    }
}
