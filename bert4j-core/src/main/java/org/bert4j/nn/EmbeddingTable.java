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

    /**
     * ids → (..., width) in a pass: in a training pass that records sparse gradients ({@link SparseTableGradients})
     * the lookup reads a detached table and leaves its gradient to the recorder, else as {@link #forward(NDArray)}.
     */
    public NDArray forward(NDArray ids, ForwardContext ctx) {
        if (ctx.training() && ctx.sparseGradients() != null) {
            NDArray rows = ctx.sparseGradients().lookup(weight, ids);
            if (rows != null) return rows;
        }
        return forward(ids);
    }

    public Parameter weight() { return weight; }

    public int rows() { return rows; }

    @Override
    public String describe() {
        return "EmbeddingTable(" + rows + " × " + width + ")";
    }
}
