package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
     * @param table (2·span, d): P after its norm and dropout
     * @param index (T, T) int64: the row of P that query i uses for key j ({@link RelativePositionBuckets#indexTable})
     */
    public record Context(NDArray table, NDArray index) {}

    private final PositionEncoding.Relative spec;
    private final double dropout;
    private final EmbeddingTable table;
    private final Norm norm;
    private final Map<Integer, long[]> indexByLength = new ConcurrentHashMap<>();

    /** {@code norm} may be null (no table norm). */
    public RelativePositionEmbeddings(PositionEncoding.Relative spec, int hidden, Norm norm, double dropout) {
        this.spec = spec;
        this.dropout = dropout;
        this.table = addChild("table", new EmbeddingTable(2 * spec.span(), hidden));
        this.norm = norm == null ? null : addChild("norm", norm);
    }

    public Context context(NDManager manager, int length, ForwardContext ctx) {
        NDArray p = table.weight().value(); // (2·span, d), owned by the model
        if (norm != null) {
            p = norm.forward(p);
            p.attach(manager); // results join their first operand's manager: move this one to the pass's
        }
        p = Dropout.apply(p, dropout, ctx);
        long[] rows = indexByLength.computeIfAbsent(length,
                t -> RelativePositionBuckets.indexTable(t, spec.positionBuckets(), spec.maxRelativePositions(), spec.span()));
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
