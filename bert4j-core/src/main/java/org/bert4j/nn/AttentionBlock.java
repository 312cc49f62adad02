package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/**
 * The token-mixing sub-layer of a {@link TransformerLayer}: (B, T, d) → (B, T, d) including the output projection.
 * Scaled dot-product ({@link MultiHeadAttention}) and DeBERTa's ({@link DisentangledSelfAttention}) are the two.
 */
public abstract class AttentionBlock extends Module {

    public abstract NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx);
}
