package org.bert4j.nn;

import ai.djl.ndarray.NDArray;

/** One gated attention unit inside a residual (GAU-α: x = Norm(x + Dropout(GAU(x)))). */
public final class GauLayer extends EncoderLayer {

    private final ResidualRule residual;
    private final String residualName;
    private final double hiddenDropout;
    private final GatedAttentionUnit gau;
    private final Norm norm;

    public GauLayer(GatedAttentionUnit gau, Norm norm, ResidualRule residual, String residualName, double hiddenDropout) {
        this.residual = residual;
        this.residualName = residualName;
        this.hiddenDropout = hiddenDropout;
        this.gau = addChild("gau", gau);
        this.norm = addChild("norm", norm);
    }

    @Override
    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        return residual.apply(x, in -> gau.forward(in, positions, ctx), norm, hiddenDropout, ctx); // (B, T, d)
    }

    @Override
    public String describe() {
        return "GauLayer(" + residualName + ", hidden_dropout=" + hiddenDropout + ")";
    }
}
