package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/** Attention then FFN, each inside a residual with its own norm (BERT, RoBERTa, ALBERT, RoFormer, RoFormerV2). */
public final class TransformerLayer extends EncoderLayer {

    private final ResidualRule residual;
    private final String residualName;
    private final double hiddenDropout;
    private final AttentionBlock attention;
    private final Norm attentionNorm;
    private final FeedForwardBlock feedForward;
    private final Norm feedForwardNorm;

    public TransformerLayer(AttentionBlock attention, Norm attentionNorm, FeedForwardBlock feedForward,
                            Norm feedForwardNorm, ResidualRule residual, String residualName, double hiddenDropout) {
        this.residual = residual;
        this.residualName = residualName;
        this.hiddenDropout = hiddenDropout;
        this.attention = addChild("attention", attention);
        this.attentionNorm = addChild("attention_norm", attentionNorm);
        this.feedForward = addChild("ffn", feedForward);
        this.feedForwardNorm = addChild("ffn_norm", feedForwardNorm);
    }

    @Override
    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        NDArray h = residual.apply(x, in -> attention.forward(in, positions, ctx), attentionNorm, hiddenDropout, ctx);
        return residual.apply(h, feedForward::forward, feedForwardNorm, hiddenDropout, ctx); // (B, T, d)
    }

    /**
     * The layer with queries from {@code query} and keys and values from {@code keysValues}; the attention residual
     * runs on the queries (HF DeBERTa's {@code query_states}). Keys and values are read as given, which is right for
     * post-norm layers (their input is already normalised), the only ones DeBERTa's decoder runs.
     */
    public NDArray forward(NDArray query, NDArray keysValues, PositionContext positions, ForwardContext ctx) {
        NDArray h = residual.apply(query, in -> attention.forward(in, keysValues, positions, ctx), attentionNorm,
                hiddenDropout, ctx);
        return residual.apply(h, feedForward::forward, feedForwardNorm, hiddenDropout, ctx); // (B, T, d)
    }

    @Override
    public String describe() {
        return "TransformerLayer(" + residualName + ", hidden_dropout=" + hiddenDropout + ")";
    }
}
