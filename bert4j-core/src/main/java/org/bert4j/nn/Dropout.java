package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/** Inverted dropout as a function: blocks keep their own rate and call this where the reference drops out. */
public final class Dropout {

    private Dropout() {}

    public static NDArray apply(NDArray x, double rate, ForwardContext ctx) {
        if (!ctx.training() || rate == 0) return x;
        DropoutMasks masks = ctx.dropoutMasks();
        if (masks != null && DropoutMasks.supports(x)) return x.mul(masks.mask(x, rate));
        return x.getNDArrayInternal().dropout(x, (float) rate, true).singletonOrThrow();
    }
}
