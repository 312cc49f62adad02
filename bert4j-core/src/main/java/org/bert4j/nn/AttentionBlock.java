package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The token-mixing sub-layer of a {@link TransformerLayer}: (B, T, d) → (B, T, d) including the output projection.
 * Scaled dot-product ({@link MultiHeadAttention}) and DeBERTa's ({@link DisentangledSelfAttention}) are the two;
 * they differ in how the scores are made, and share the projections, the head split and everything after the scores.
 */
public abstract class AttentionBlock extends Module {

    protected final int hidden;
    protected final int heads;
    protected final int headSize;
    protected final Linear query;
    protected final Linear key;
    protected final Linear value;
    private final ScoreNormalizer normalizer;
    private final double attentionDropout;
    private Linear output;

    /** Registers {@code query}, {@code key}, {@code value}; a subclass adds its own blocks, then {@link #addOutput}. */
    protected AttentionBlock(int hidden, int heads, boolean bias, ScoreNormalizer normalizer, double attentionDropout) {
        this.hidden = hidden;
        this.heads = heads;
        this.headSize = hidden / heads;
        this.normalizer = normalizer;
        this.attentionDropout = attentionDropout;
        this.query = addChild("query", new Linear(hidden, hidden, bias));
        this.key = addChild("key", new Linear(hidden, hidden, bias));
        this.value = addChild("value", new Linear(hidden, hidden, bias));
    }

    /** The output projection, registered after the subclass's blocks so parameter paths keep HF's order. */
    protected final void addOutput(boolean bias) {
        this.output = addChild("output", new Linear(hidden, hidden, bias));
    }

    /** Self-attention: queries, keys and values all from x. */
    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        return forward(x, x, positions, ctx);
    }

    /**
     * Queries from {@code query}, keys and values from {@code keysValues}, both (B, T, d) over the same positions:
     * DeBERTa's enhanced mask decoder re-reads the last layer's input with position-enriched queries.
     */
    public abstract NDArray forward(NDArray query, NDArray keysValues, PositionContext positions, ForwardContext ctx);

    /** (B, T, d) → (B, h, T, d_h). */
    protected final NDArray splitHeads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, headSize).transpose(0, 2, 1, 3); // (B, h, T, d_h)
    }

    /**
     * Scores (B, h, T, T), fresh from their matmul (the normaliser may overwrite them), to the block's output: the
     * normaliser with the padding mask, dropout, the weighted values, heads merged, the output projection.
     */
    protected final NDArray attend(NDArray scores, NDArray v, PositionContext positions, ForwardContext ctx) {
        NDArray weights = Dropout.apply(normalizer.normalize(scores, positions.mask()), attentionDropout, ctx);
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3); // (B, T, h, d_h)
        Shape s = context.getShape();
        return output.forward(context.reshape(s.get(0), s.get(1), hidden)); // (B, T, d)
    }

    /** "normaliser, attention_dropout=p" for {@link #describe}. */
    protected final String describeScores() {
        return normalizer.describe() + ", attention_dropout=" + attentionDropout;
    }
}
