package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * DeBERTa's disentangled self-attention (He et al. 2021; HF {@code DisentangledSelfAttention} of deberta-v2):
 * A_ij = [q_i·k_j + q_i·K^r_δ(i,j) + k_j·Q^r_δ(i,j)] / √(d_h·(1 + #position terms)), then softmax with the padding
 * mask, times V, then the output projection. K^r and Q^r are the shared relative table P projected by the key and
 * query projections (biases included, as HF does) when {@code share_att_key}, else by their own
 * {@code pos_key_proj} / {@code pos_query_proj}. δ(i,j) is the bucketed i − j ({@link RelativePositionBuckets}).
 *
 * <p>Each position term is computed as a (B, h, T, 2·span) product against every relative row, then the entry
 * each (i, j) needs is gathered: one matmul instead of T² dot products. The scale is folded into q and Q^r
 * (arrays of T or 2·span rows) instead of the (B, h, T, T) scores.
 */
public final class DisentangledSelfAttention extends AttentionBlock {

    private final int hidden;
    private final int heads;
    private final int headSize;
    private final boolean contentToPosition;
    private final boolean positionToContent;
    private final double scale;
    private final double attentionDropout;
    private final ScoreNormalizer normalizer;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear positionKey;
    private final Linear positionQuery;
    private final Linear output;

    public DisentangledSelfAttention(int hidden, int heads, boolean contentToPosition, boolean positionToContent,
                                     boolean shareAttentionKey, ScoreNormalizer normalizer, double attentionDropout) {
        this.hidden = hidden;
        this.heads = heads;
        this.headSize = hidden / heads;
        this.contentToPosition = contentToPosition;
        this.positionToContent = positionToContent;
        this.scale = Math.sqrt(headSize * (1.0 + (contentToPosition ? 1 : 0) + (positionToContent ? 1 : 0)));
        this.normalizer = normalizer;
        this.attentionDropout = attentionDropout;
        this.query = addChild("query", new Linear(hidden, hidden, true));
        this.key = addChild("key", new Linear(hidden, hidden, true));
        this.value = addChild("value", new Linear(hidden, hidden, true));
        this.positionKey = contentToPosition
                ? (shareAttentionKey ? key : addChild("position_key", new Linear(hidden, hidden, true))) : null;
        this.positionQuery = positionToContent
                ? (shareAttentionKey ? query : addChild("position_query", new Linear(hidden, hidden, true))) : null;
        this.output = addChild("output", new Linear(hidden, hidden, true));
    }

    @Override
    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        NDArray q = splitHeads(query.forward(x)); // (B, h, T, d_h)
        NDArray k = splitHeads(key.forward(x));
        NDArray v = splitHeads(value.forward(x));
        NDArray scaledQ = q.div(Scalars.like(q, scale));
        NDArray scores = scaledQ.matMul(k.transpose(0, 1, 3, 2)); // (B, h, T, T)
        RelativePositionEmbeddings.Context relative = positions.relative();
        if (contentToPosition || positionToContent) {
            NDArray index = relative.index().broadcast(scores.getShape()); // (B, h, T, T)
            if (contentToPosition) {
                NDArray keyRows = relativeHeads(positionKey.forward(relative.table())); // (h, 2·span, d_h)
                NDArray c2p = scaledQ.matMul(keyRows.transpose(0, 2, 1)); // (B, h, T, 2·span)
                scores = scores.addi(c2p.gather(index, 3)); // in place: matmul saved its inputs, not its output
            }
            if (positionToContent) {
                NDArray queryRows = relativeHeads(positionQuery.forward(relative.table())); // (h, 2·span, d_h)
                queryRows = queryRows.div(Scalars.like(queryRows, scale));
                NDArray p2c = k.matMul(queryRows.transpose(0, 2, 1)); // (B, h, T_k, 2·span)
                // Row j of p2c needs entry δ(i, j) for every query i: the index read transposed, then back.
                scores = scores.addi(p2c.gather(index.transpose(0, 1, 3, 2), 3).transpose(0, 1, 3, 2));
            }
        }
        NDArray weights = Dropout.apply(normalizer.normalize(scores, positions.mask()), attentionDropout, ctx);
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3); // (B, T, h, d_h)
        Shape s = x.getShape();
        return output.forward(context.reshape(s.get(0), s.get(1), hidden)); // (B, T, d)
    }

    private NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, headSize).transpose(0, 2, 1, 3); // (B, h, T, d_h)
    }

    private NDArray relativeHeads(NDArray rows) {
        return rows.reshape(rows.getShape().get(0), heads, headSize).transpose(1, 0, 2); // (h, 2·span, d_h)
    }

    @Override
    public String describe() {
        String terms = (contentToPosition ? " + c2p" : "") + (positionToContent ? " + p2c" : "");
        boolean shared = (positionKey == null || positionKey == key) && (positionQuery == null || positionQuery == query);
        return "DisentangledSelfAttention(d=" + hidden + ", heads=" + heads + ", c2c" + terms
                + (terms.isEmpty() ? "" : shared ? ", shared position projections" : ", own position projections")
                + ", " + normalizer.describe() + ", attention_dropout=" + attentionDropout + ")";
    }
}
