package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Scalar constants for ops that autograd records. Use {@code x.mul(Scalars.like(x, c))}, never {@code x.mul(c)},
 * wherever the result may be back-propagated.
 *
 * <p>Why: DJL's {@code mul/div/pow(Number)} make a () array with {@code manager.create(c)}, which on CPU is a
 * PyTorch tensor over a Java direct buffer (from_blob, no copy), and close it right after the op. Autograd keeps
 * that tensor for backward (MulBackward saves the other factor, DivBackward the divisor, PowBackward the
 * exponent), but once the Java handle is closed nothing keeps the buffer alive: a garbage collection between
 * forward and backward frees it and the gradient reads freed memory (inf or NaN in every upstream gradient,
 * reproduced by {@code ScalarGradientGcTest}). A copy the engine allocated itself is reference-counted by PyTorch,
 * so closing its handle with the caller's scope is safe.
 */
public final class Scalars {

    private Scalars() {}

    /** A () array holding {@code value} in x's type, manager and device, in engine-owned memory. */
    public static NDArray like(NDArray x, double value) {
        DataType type = x.getDataType();
        try (NDArray aliased = x.getManager().create(value)) { // float64 over a Java buffer
            NDArray owned = aliased.duplicate(); // engine-allocated copy, full double precision
            if (owned.getDataType() == type) return owned;
            try (owned) {
                return owned.toType(type, false);
            }
        }
    }
}
