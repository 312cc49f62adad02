package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/** A lookup table (rows, width); its weight doubles as the tied MLM decoder for token tables. */
public final class EmbeddingTable extends Module {

    private final int rows;
    private final int width;
    private final Parameter weight;
    private Parameter stopGradientBase;

    public EmbeddingTable(int rows, int width) {
        this.rows = rows;
        this.width = width;
        this.weight = addParameter("weight", new Parameter(new Shape(rows, width), Parameter.Init.RANDOM));
    }

    /** ids (int64, any shape) → (..., width). */
    public NDArray forward(NDArray ids) {
        return plusBase(ids, lookup(ids, weight.value()));
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /**
     * From now on every lookup adds stopgrad(base)[ids], and this table's own weight is the residual on top:
     * DeBERTaV3's gradient-disentangled embedding sharing, E_D = sg(E_G) + E_Δ, where {@code base} is the
     * generator's table and this one holds E_Δ. No gradient reaches {@code base} through this table.
     */
    public void addStopGradientBase(Parameter base) {
        if (!base.shape().equals(weight.shape())) {
            throw new IllegalArgumentException("a shared base table must be " + weight.shape() + ", got " + base.shape());
        }
        this.stopGradientBase = base;
    }

    /** The GDES base, or null. */
    public Parameter stopGradientBase() { return stopGradientBase; }

    private NDArray plusBase(NDArray ids, NDArray rows) {
        if (stopGradientBase == null) return rows;
        NDArray detached = stopGradientBase.value().stopGradient();
        detached.attach(ids.getManager()); // a handle on the base's memory, freed with the pass
        return rows.add(lookup(ids, detached)); // (..., width)
    }

    /**
     * ids → (..., width) in a pass: in a training pass that records sparse gradients ({@link SparseTableGradients})
     * the lookup reads a detached table and leaves its gradient to the recorder, else as {@link #forward(NDArray)}.
     */
    public NDArray forward(NDArray ids, ForwardContext ctx) {
        if (ctx.training() && ctx.sparseGradients() != null) {
            NDArray rows = ctx.sparseGradients().lookup(weight, ids);
            if (rows != null) return plusBase(ids, rows);
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
