package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/**
 * Multi-head scaled dot-product attention, softmax(QKᵀ/√d_h + mask)·V then the output projection (Vaswani et al.;
 * HF {@code BertSelfAttention} + {@code BertSelfOutput.dense}). RoPE, when the model has it, rotates q and k per
 * head after projection and before scaling. Dropout after the output projection belongs to the residual.
 *
 * <p>The (B, h, T, T) scores outgrow every other array of a pass as T grows, so no step makes another one of their
 * size that it need not: 1/√d_h scales q instead, and the padding mask is added to the scores in place.
 */
public final class MultiHeadAttention extends AttentionBlock {

    public MultiHeadAttention(int hidden, int heads, boolean bias, ScoreNormalizer normalizer, double attentionDropout) {
        super(hidden, heads, bias, normalizer, attentionDropout);
        addOutput(bias);
    }

    @Override
    public NDArray forward(NDArray x, NDArray keysValues, PositionContext positions, ForwardContext ctx) {
        PositionContext.QueryKey qk = positions.rotate(splitHeads(query.forward(x)), splitHeads(key.forward(keysValues)));
        NDArray v = positions.rotateValue(splitHeads(value.forward(keysValues))); // (B, h, T, d_h)
        // Scaling q rather than the scores costs a pass over (B, h, T, d_h) instead of one over (B, h, T, T).
        NDArray q = qk.query().div(Scalars.like(qk.query(), Math.sqrt(headSize)));
        NDArray scores = q.matMul(qk.key().transpose(0, 1, 3, 2)); // (B, h, T, T), the normaliser's to overwrite
        return attend(scores, v, positions, ctx); // (B, T, d)
    }

    @Override
    public String describe() {
        return "MultiHeadAttention(d=" + hidden + ", heads=" + heads + ", head_size=" + headSize + ", " + describeScores() + ")";
    }
}
