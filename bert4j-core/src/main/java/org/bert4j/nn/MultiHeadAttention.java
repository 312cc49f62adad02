package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head scaled dot-product attention, softmax(QKᵀ/√d_h + mask)·V then the output projection (Vaswani et al.;
 * HF {@code BertSelfAttention} + {@code BertSelfOutput.dense}). RoPE, when the model has it, rotates q and k per
 * head after projection and before scaling. Dropout after the output projection belongs to the residual.
 */
public final class MultiHeadAttention extends Module {

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

    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        PositionContext.QueryKey qk = positions.rotate(splitHeads(query.forward(x)), splitHeads(key.forward(x)));
        NDArray v = positions.rotateValue(splitHeads(value.forward(x))); // (B, h, T, d_h)
        NDArray scores = qk.query().matMul(qk.key().transpose(0, 1, 3, 2)); // (B, h, T, T)
        scores = scores.div(Scalars.like(scores, Math.sqrt(headSize)));
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
