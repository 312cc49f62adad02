package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/**
 * DeBERTa's disentangled self-attention (He et al. 2021; HF {@code DisentangledSelfAttention} of deberta-v2):
 * A_ij = [q_i·k_j + q_i·K^r_δ(i,j) + k_j·Q^r_δ(i,j)] / √(d_h·(1 + #position terms)), then softmax with the padding
 * mask, times V, then the output projection. K^r and Q^r are the shared relative table P projected by the key and
 * query projections (biases included, as HF does) when {@code share_att_key}, else by their own
 * {@code pos_key_proj} / {@code pos_query_proj}. δ(i,j) is the bucketed i − j ({@link RelativePositionBuckets}).
 *
 * <p>Each position term is computed as a (B, h, T, R) product against the R relative rows the pass reaches (at most
 * 2·span, 2T − 1 for lengths below the first log bucket), then the entry each (i, j) needs is gathered: one matmul
 * instead of T² dot products. The scale is folded into q and Q^r (arrays of T or R rows) instead of the (B, h, T, T)
 * scores.
 */
public final class DisentangledSelfAttention extends AttentionBlock {

    private final boolean contentToPosition;
    private final boolean positionToContent;
    private final double scale;
    private final Linear positionKey;
    private final Linear positionQuery;

    public DisentangledSelfAttention(int hidden, int heads, boolean contentToPosition, boolean positionToContent,
                                     boolean shareAttentionKey, ScoreNormalizer normalizer, double attentionDropout) {
        super(hidden, heads, true, normalizer, attentionDropout);
        this.contentToPosition = contentToPosition;
        this.positionToContent = positionToContent;
        this.scale = Math.sqrt(headSize * (1.0 + (contentToPosition ? 1 : 0) + (positionToContent ? 1 : 0)));
        this.positionKey = contentToPosition
                ? (shareAttentionKey ? key : addChild("position_key", new Linear(hidden, hidden, true))) : null;
        this.positionQuery = positionToContent
                ? (shareAttentionKey ? query : addChild("position_query", new Linear(hidden, hidden, true))) : null;
        addOutput(true);
    }

    @Override
    public NDArray forward(NDArray x, NDArray keysValues, PositionContext positions, ForwardContext ctx) {
        NDArray q = splitHeads(query.forward(x)); // (B, h, T, d_h)
        NDArray k = splitHeads(key.forward(keysValues));
        NDArray v = splitHeads(value.forward(keysValues));
        NDArray scaledQ = q.div(Scalars.like(q, scale));
        NDArray scores = scaledQ.matMul(k.transpose(0, 1, 3, 2)); // (B, h, T, T)
        RelativePositionEmbeddings.Context relative = positions.relative();
        if (contentToPosition || positionToContent) {
            NDArray index = relative.index().broadcast(scores.getShape()); // (B, h, T, T)
            if (contentToPosition) {
                NDArray keyRows = relativeHeads(positionKey.forward(relative.table())); // (h, R, d_h), R rows of P used
                NDArray c2p = scaledQ.matMul(keyRows.transpose(0, 2, 1)); // (B, h, T, R)
                scores = scores.addi(c2p.gather(index, 3)); // in place: matmul saved its inputs, not its output
            }
            if (positionToContent) {
                NDArray queryRows = relativeHeads(positionQuery.forward(relative.table())); // (h, R, d_h)
                queryRows = queryRows.div(Scalars.like(queryRows, scale));
                NDArray p2c = k.matMul(queryRows.transpose(0, 2, 1)); // (B, h, T_k, R)
                // Row j of p2c needs entry δ(i, j) for every query i: the index read transposed, then back.
                scores = scores.addi(p2c.gather(index.transpose(0, 1, 3, 2), 3).transpose(0, 1, 3, 2));
            }
        }
        return attend(scores, v, positions, ctx); // (B, T, d)
    }

    private NDArray relativeHeads(NDArray rows) {
        return rows.reshape(rows.getShape().get(0), heads, headSize).transpose(1, 0, 2); // (h, R, d_h)
    }

    @Override
    public String describe() {
        String terms = (contentToPosition ? " + c2p" : "") + (positionToContent ? " + p2c" : "");
        boolean shared = (positionKey == null || positionKey == key) && (positionQuery == null || positionQuery == query);
        return "DisentangledSelfAttention(d=" + hidden + ", heads=" + heads + ", c2c" + terms
                + (terms.isEmpty() ? "" : shared ? ", shared position projections" : ", own position projections")
                + ", " + describeScores() + ")";
    }
}
