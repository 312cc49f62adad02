package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head scaled dot-product attention, softmax(QKᵀ/√d_h + mask)·V then the output projection (Vaswani et al.;
 * HF {@code BertSelfAttention} + {@code BertSelfOutput.dense}). RoPE, when the model has it, rotates q and k per
 * head after projection and before scaling. Dropout after the output projection belongs to the residual.
 *
 * <p>The (B, h, T, T) scores outgrow every other array of a pass as T grows, so no step makes another one of their
 * size that it need not: 1/√d_h scales q instead, and the padding mask is added to the scores in place.
 */
public final class MultiHeadAttention extends AttentionBlock {

    private final int hidden;
    private final int heads;
    private final int headSize;
    private final double attentionDropout;
    private final ScoreNormalizer normalizer;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    public MultiHeadAttention(int hidden, int heads, boolean bias, ScoreNormalizer normalizer, double attentionDropout) {
        this.hidden = hidden;
        this.heads = heads;
        this.headSize = hidden / heads;
        this.normalizer = normalizer;
        this.attentionDropout = attentionDropout;
        this.query = addChild("query", new Linear(hidden, hidden, bias));
        this.key = addChild("key", new Linear(hidden, hidden, bias));
        this.value = addChild("value", new Linear(hidden, hidden, bias));
        this.output = addChild("output", new Linear(hidden, hidden, bias));
    }

    @Override
    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        PositionContext.QueryKey qk = positions.rotate(splitHeads(query.forward(x)), splitHeads(key.forward(x)));
        NDArray v = positions.rotateValue(splitHeads(value.forward(x))); // (B, h, T, d_h)
        // Scaling q rather than the scores costs a pass over (B, h, T, d_h) instead of one over (B, h, T, T).
        NDArray q = qk.query().div(Scalars.like(qk.query(), Math.sqrt(headSize)));
        NDArray scores = q.matMul(qk.key().transpose(0, 1, 3, 2)); // (B, h, T, T), the normaliser's to overwrite
        NDArray weights = Dropout.apply(normalizer.normalize(scores, positions.mask()), attentionDropout, ctx);
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3); // (B, T, h, d_h)
        Shape s = x.getShape();
        return output.forward(context.reshape(s.get(0), s.get(1), hidden)); // (B, T, d)
    }

    private NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, headSize).transpose(0, 2, 1, 3); // (B, h, T, d_h)
    }

    @Override
    public String describe() {
        return "MultiHeadAttention(d=" + hidden + ", heads=" + heads + ", head_size=" + headSize + ", "
                + normalizer.describe() + ", attention_dropout=" + attentionDropout + ")";
    }
}
