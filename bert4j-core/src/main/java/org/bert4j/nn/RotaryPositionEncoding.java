package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.bert4j.config.PositionEncoding.RotaryLayout;

/**
 * RoPE (Su et al., RoFormer): rotates each coordinate pair of q and k by m·θ_i, θ_i = base^(−2i/D), so that
 * q_m·k_n depends only on m − n. No parameters. MODELS.md section 1 gives both pair layouts.
 */
public final class RotaryPositionEncoding extends Module {

    private final int dim;
    private final double base;
    private final RotaryLayout layout;

    public RotaryPositionEncoding(int dim, double base, RotaryLayout layout) {
        if (dim % 2 != 0) throw new IllegalArgumentException("rotary dimension must be even, got " + dim);
        this.dim = dim;
        this.base = base;
        this.layout = layout;
    }

    /**
     * cos and sin tables for positions 0..length−1, laid out to multiply x directly. The sin table carries the
     * rotation's sign (−sin on the first of each pair, +sin on the second), so the turned vector is x with its pair
     * members swapped, a single copy, instead of split, negate and concatenate.
     */
    public record Tables(NDArray cos, NDArray sin) {}

    public Tables tables(NDManager manager, int length, DataType type) {
        double[] cos = new double[length * dim]; // double, so float64 models get exact tables
        double[] sin = new double[length * dim];
        for (int m = 0; m < length; m++) {
            for (int i = 0; i < dim / 2; i++) {
                double angle = m * Math.pow(base, -2.0 * i / dim);
                int a = layout == RotaryLayout.INTERLEAVED ? 2 * i : i;
                int b = layout == RotaryLayout.INTERLEAVED ? 2 * i + 1 : i + dim / 2;
                cos[m * dim + a] = cos[m * dim + b] = Math.cos(angle);
                sin[m * dim + a] = -Math.sin(angle);
                sin[m * dim + b] = Math.sin(angle);
            }
        }
        Shape shape = new Shape(length, dim);
        return new Tables(manager.create(cos, shape).toType(type, false), manager.create(sin, shape).toType(type, false));
    }

    /** x (..., T, D) rotated: x·cos + rotate(x)·sin, the turn (a, b) → (−b, a) of every pair. */
    public NDArray apply(NDArray x, Tables t) {
        return x.mul(t.cos()).add(swapPairs(x).mul(t.sin())); // (..., T, D)
    }

    /** (a, b) → (b, a) for every pair; the signed sin table supplies the minus. */
    private NDArray swapPairs(NDArray x) {
        Shape s = x.getShape();
        Shape lead = s.slice(0, s.dimension() - 1);
        if (layout == RotaryLayout.INTERLEAVED) {
            return x.reshape(lead.add(dim / 2, 2)).flip(s.dimension()).reshape(s); // pairs are neighbours
        }
        return x.reshape(lead.add(2, dim / 2)).flip(s.dimension() - 1).reshape(s); // pairs are i and i + D/2
    }

    @Override
    public String describe() {
        return "RotaryPositionEncoding(dim=" + dim + ", base=" + base + ", " + layout.name().toLowerCase() + ")";
    }
}
