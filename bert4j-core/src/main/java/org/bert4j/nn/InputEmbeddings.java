package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.bert4j.config.EmbeddingOrder;

/**
 * token (+ segment) (+ learned absolute position), then norm, dropout and the optional E→d projection (ALBERT
 * {@code embedding_hidden_mapping_in}, ELECTRA/RoFormer {@code embeddings_project}, DeBERTa {@code embed_proj}) in
 * the family's {@link EmbeddingOrder}.
 */
public final class InputEmbeddings extends Module {

    private final EmbeddingOrder order;
    private final double dropout;
    private final int positionOffset;
    private final EmbeddingTable tokens;
    private final EmbeddingTable segments;
    private final EmbeddingTable positions;
    private final Norm norm;
    private final Linear projection;

    /** {@code segments}, {@code positions} and {@code projection} may be null. */
    public InputEmbeddings(EmbeddingTable tokens, EmbeddingTable segments, EmbeddingTable positions, int positionOffset,
                           Norm norm, EmbeddingOrder order, double dropout, Linear projection) {
        this.order = order;
        this.dropout = dropout;
        this.positionOffset = positionOffset;
        this.tokens = addChild("tokens", tokens);
        this.segments = segments == null ? null : addChild("segments", segments);
        this.positions = positions == null ? null : addChild("positions", positions);
        this.norm = addChild("norm", norm);
        this.projection = projection == null ? null : addChild("projection", projection);
    }

    /** ids and segment ids (B, T) int64 → (B, T, d). */
    public NDArray forward(NDArray inputIds, NDArray tokenTypeIds, ForwardContext ctx) {
        NDArray x = tokens.forward(inputIds, ctx); // (B, T, E)
        if (segments != null) x = x.add(segments.forward(tokenTypeIds));
        if (positions != null) {
            long length = inputIds.getShape().get(1);
            if (positionOffset + length > positions.rows()) {
                throw new IllegalArgumentException("sequence length " + length + " exceeds max_position_embeddings "
                        + (positions.rows() - positionOffset));
            }
            NDArray ids = inputIds.getManager().arange(positionOffset, positionOffset + length, 1, DataType.INT64);
            x = x.add(positions.forward(ids)); // (T, E) broadcast over B
        }
        return switch (order) {
            case NORM_THEN_DROPOUT -> project(Dropout.apply(norm.forward(x), dropout, ctx));
            case DROPOUT_THEN_NORM -> project(norm.forward(Dropout.apply(x, dropout, ctx)));
            case PROJECT_THEN_NORM_THEN_DROPOUT -> Dropout.apply(norm.forward(project(x)), dropout, ctx);
        }; // (B, T, d)
    }

    private NDArray project(NDArray x) {
        return projection == null ? x : projection.forward(x); // (B, T, d)
    }

    public EmbeddingTable tokens() { return tokens; }

    public EmbeddingTable positions() { return positions; }

    public EmbeddingTable segments() { return segments; }

    @Override
    public String describe() {
        return "InputEmbeddings(" + order.name().toLowerCase() + ", dropout=" + dropout
                + (positions == null ? "" : ", position_offset=" + positionOffset) + ")";
    }
}
