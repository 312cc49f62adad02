package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/** A lookup table (rows, width); its weight doubles as the tied MLM decoder for token tables. */
public final class EmbeddingTable extends Module {

    private final int rows;
    private final int width;
    private final Parameter weight;

    public EmbeddingTable(int rows, int width) {
        this.rows = rows;
        this.width = width;
        this.weight = addParameter("weight", new Parameter(new Shape(rows, width), Parameter.Init.RANDOM));
    }

    /** ids (int64, any shape) → (..., width). */
    public NDArray forward(NDArray ids) {
        return ids.getNDArrayInternal().embedding(ids, weight.value(), SparseFormat.DENSE).singletonOrThrow();
    }

    public Parameter weight() { return weight; }

    public int rows() { return rows; }

    @Override
    public String describe() {
        return "EmbeddingTable(" + rows + " × " + width + ")";
    }
}
