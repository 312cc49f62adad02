package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.Normalization;

/** A normalisation over the last axis; {@link #of} picks the block for a spec choice. */
public abstract class Norm extends Module {

    public abstract NDArray forward(NDArray x);

    public static Norm of(Normalization spec, int dim) {
        if (spec instanceof Normalization.LayerNorm ln) return new LayerNorm(dim, ln.eps());
        if (spec instanceof Normalization.RmsNorm rms) return new RmsNorm(dim, rms.eps(), rms.gain());
        throw new IllegalArgumentException("unknown normalization " + spec);
    }
}
