package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A named learnable tensor owned by one {@link Module}. Its value lives in the model's long-lived manager;
 * a shared (ALBERT) or tied (MLM decoder) parameter is one object referenced from several places.
 */
public final class Parameter {

    /** How a fresh value is drawn; the numbers come from the spec's {@link org.bert4j.config.Initialization}. */
    public enum Init {
        /** A [out, in] matrix or an embedding table: random, σ from the initialisation scheme. */
        RANDOM,
        ONES,
        ZEROS
    }

    private final Shape shape;
    private final Init init;
    private NDArray value;

    public Parameter(Shape shape, Init init) {
        this.shape = shape;
        this.init = init;
    }

    public Shape shape() { return shape; }

    public Init init() { return init; }

    public boolean isInitialized() { return value != null; }

    public NDArray value() {
        if (value == null) throw new IllegalStateException("parameter of shape " + shape + " is not initialised");
        return value;
    }

    /** Replaces the value; the shape must match (the caller names the key in its own error). */
    public void set(NDArray array) {
        if (!array.getShape().equals(shape)) {
            throw new IllegalArgumentException("expected shape " + shape + ", got " + array.getShape());
        }
        if (value != null && value != array) value.close();
        value = array;
    }
}
