package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import org.bert4j.config.FeedForward;

/** The position-wise sub-layer; {@link #of} picks the block for a spec choice (null for {@code None}). */
public abstract class FeedForwardBlock extends Module {

    public abstract NDArray forward(NDArray x);

    public static FeedForwardBlock of(FeedForward spec, int hidden) {
        if (spec instanceof FeedForward.Dense d) return new DenseFeedForward(hidden, d.intermediateSize(), d.activation(), d.bias());
        if (spec instanceof FeedForward.Gated g) return new GatedFeedForward(hidden, g.intermediateSize(), g.activation(), g.bias());
        return null;
    }
}
