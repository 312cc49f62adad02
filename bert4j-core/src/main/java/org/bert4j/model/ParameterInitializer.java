package org.bert4j.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.bert4j.config.Initialization;
import org.bert4j.nn.Module;
import org.bert4j.nn.Parameter;

/**
 * Draws fresh values for every uninitialised parameter. Each parameter's stream is seeded from (seed, path), so a
 * value does not depend on the order blocks were built in, and a run is repeatable across machines.
 */
public final class ParameterInitializer {

    /** bert4keras truncates at 2σ; σ is given for the truncated distribution, as in TF's truncated_normal. */
    private static final double TRUNCATION = 2.0;

    private ParameterInitializer() {}

    public static void initialize(Module root, NDManager manager, DataType type, Initialization scheme, int numLayers, long seed) {
        root.forEachParameter("", (path, p) -> {
            if (p.isInitialized()) return;
            Shape s = p.shape();
            int n = Math.toIntExact(s.size());
            double[] values = new double[n];
            switch (p.init()) {
                case ONES -> java.util.Arrays.fill(values, 1.0);
                case ZEROS -> { }
                case RANDOM -> {
                    double std = std(scheme, s, numLayers);
                    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + path.hashCode());
                    for (int i = 0; i < n; i++) values[i] = std * truncatedGaussian(random);
                }
            }
            p.set(manager.create(values, s).toType(type, false));
        });
    }

    /** σ for a [out, in] matrix or a (rows, width) table: the input width is the last axis either way. */
    static double std(Initialization scheme, Shape shape, int numLayers) {
        if (scheme instanceof Initialization.TruncatedNormal t) return t.std();
        Initialization.DepthScaled d = (Initialization.DepthScaled) scheme;
        long fanIn = shape.get(shape.dimension() - 1);
        return d.gain() / Math.sqrt(fanIn) * Math.pow(numLayers, -d.depthExponent());
    }

    private static double truncatedGaussian(SplittableRandom random) {
        while (true) {
            // Box–Muller; reject outside ±2 as TF's truncated_normal does.
            double u = 1.0 - random.nextDouble();
            double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            if (Math.abs(g) <= TRUNCATION) return g;
        }
    }
}
