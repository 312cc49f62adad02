package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.bert4j.config.PositionEncoding;

/**
 * DeBERTa's shared relative position table P (2·span, d) (HF {@code encoder.rel_embeddings}) with its optional
 * LayerNorm ({@code encoder.LayerNorm}, {@code norm_rel_ebd = layer_norm}). Every layer's disentangled attention
 * projects the same normalised P, so it is normalised (and dropped out, in training) once per pass.
 */
public final class RelativePositionEmbeddings extends Module {

    /**
     * One pass's relative inputs.
     *
     * @param table (rows, d): the rows of P this pass reaches, after the norm and dropout
     * @param index (T, T) int64: the row of {@code table} that query i uses for key j ({@link RelativePositionBuckets#indexTable},
     *              shifted to the first row used)
     */
    public record Context(NDArray table, NDArray index) {}

    private final PositionEncoding.Relative spec;
    private final double dropout;
    private final EmbeddingTable table;
    private final Norm norm;

    /** {@code norm} may be null (no table norm). */
    public RelativePositionEmbeddings(PositionEncoding.Relative spec, int hidden, Norm norm, double dropout) {
        this.spec = spec;
        this.dropout = dropout;
        this.table = addChild("table", new EmbeddingTable(2 * spec.span(), hidden));
        this.norm = norm == null ? null : addChild("norm", norm);
    }

    public Context context(NDManager manager, int length, ForwardContext ctx) {
        // Built per pass, not cached: T² entries cost little next to the pass, and a cache per length would grow
        // with every batch length a run meets.
        long[] rows = RelativePositionBuckets.indexTable(length, spec.positionBuckets(), spec.maxRelativePositions(), spec.span());
        // Only the rows this length reaches take part (2T − 1 of the 2·span below the first log bucket): the
        // per-layer projections and c2p / p2c products then scale with T, not with the table. Norm and dropout act
        // per row, so slicing first changes nothing else.
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long r : rows) {
            first = Math.min(first, r);
            last = Math.max(last, r);
        }
        for (int i = 0; i < rows.length; i++) rows[i] -= first;
        NDArray p = table.weight().value().get(first + ":" + (last + 1)); // (rows used, d)
        p.attach(manager); // results join their first operand's manager (the model's): move this one to the pass's
        if (norm != null) p = norm.forward(p);
        p = Dropout.apply(p, dropout, ctx);
        // duplicate(): an engine-owned copy, since autograd keeps gather's index until backward (see Scalars).
        try (NDArray aliased = manager.create(rows, new Shape(length, length))) {
            return new Context(p, aliased.duplicate());
        }
    }

    @Override
    public String describe() {
        return "RelativePositionEmbeddings(2×" + spec.span() + " rows, buckets=" + spec.positionBuckets()
                + ", max_relative_positions=" + spec.maxRelativePositions() + (norm == null ? ", no norm)" : ")");
    }
}
