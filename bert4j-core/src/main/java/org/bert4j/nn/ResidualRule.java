package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;
import org.bert4j.config.Residual;

/**
 * Where the norm sits around a sub-layer F. Not a block: the norm's parameters belong to the layer, which
 * passes its norm in. α (the residual scale) scales F's output; α = 1 skips the multiply.
 */
public interface ResidualRule {

    NDArray apply(NDArray x, UnaryOperator<NDArray> sublayer, Norm norm, double dropout, ForwardContext ctx);

    static ResidualRule of(Residual residual) {
        return residual == Residual.POST_NORM ? ResidualRule::postNorm : ResidualRule::preNorm;
    }

    /** x = Norm(x + α·Dropout(F(x))). */
    static NDArray postNorm(NDArray x, UnaryOperator<NDArray> f, Norm norm, double dropout, ForwardContext ctx) {
        return norm.forward(x.add(scaled(Dropout.apply(f.apply(x), dropout, ctx), ctx)));
    }

    /** x = x + α·Dropout(F(Norm(x))). */
    static NDArray preNorm(NDArray x, UnaryOperator<NDArray> f, Norm norm, double dropout, ForwardContext ctx) {
        return x.add(scaled(Dropout.apply(f.apply(norm.forward(x)), dropout, ctx), ctx));
    }

    private static NDArray scaled(NDArray y, ForwardContext ctx) {
        return ctx.residualScale() == 1f ? y : y.mul(Scalars.like(y, ctx.residualScale()));
    }
}
