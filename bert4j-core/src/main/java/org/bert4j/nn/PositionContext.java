package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/**
 * What every layer of one forward pass shares: the padding mask and, for rotary models, the cos/sin tables, for
 * DeBERTa the normalised relative table and bucket indices (built once per pass, not per layer). {@code rotary} and
 * {@code tables} are null without RoPE, {@code relative} without relative positions.
 */
public record PositionContext(AttentionMask mask, RotaryPositionEncoding rotary, RotaryPositionEncoding.Tables tables,
                              boolean rotateValues, RelativePositionEmbeddings.Context relative) {

    /** A context without relative positions. */
    public PositionContext(AttentionMask mask, RotaryPositionEncoding rotary, RotaryPositionEncoding.Tables tables,
                           boolean rotateValues) {
        this(mask, rotary, tables, rotateValues, null);
    }

    /** Rotated queries and keys. */
    public record QueryKey(NDArray query, NDArray key) {}

    public QueryKey rotate(NDArray q, NDArray k) {
        if (rotary == null) return new QueryKey(q, k);
        return new QueryKey(rotary.apply(q, tables), rotary.apply(k, tables));
    }

    public NDArray rotateValue(NDArray v) {
        return rotary != null && rotateValues ? rotary.apply(v, tables) : v;
    }
}
