package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/** One layer of the stack: (B, T, d) → (B, T, d). */
public abstract class EncoderLayer extends Module {

    public abstract NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx);
}
