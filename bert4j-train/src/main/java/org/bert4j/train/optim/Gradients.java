package org.bert4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import org.bert4j.nn.Parameter;

/**
 * Reading and clearing parameter gradients.
 *
 * <p>DJL 0.36's PyTorch {@code GradientCollector} does NOT zero gradients when it opens (its {@code zeroGradients()}
 * call is commented out, djl PR 2304) and PyTorch's backward adds into {@code .grad}. So gradients of several
 * collectors add up, which is exactly gradient accumulation over micro-batches (one collector per micro-batch,
 * pinned by {@code GradientAccumulationTest}), and an optimiser step must clear them afterwards: AdamW and LAMB
 * do, and a loop that skips a step (non-finite loss) calls {@link #zero}.
 */
public final class Gradients {

    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {}

    /**
     * The gradient of a parameter as a view sharing storage with {@code .grad} (in-place ops on it change the
     * gradient). DJL attaches each such handle to the parameter's long-lived manager; it is moved to {@code scope}
     * so closing the scope frees the handle (not the gradient) instead of leaking one per call.
     */
    static NDArray view(Parameter parameter, NDManager scope) {
        NDArray gradient = parameter.value().getGradient();
        gradient.attach(scope);
        return gradient;
    }

    /** Sets every gradient to 0 (a fill, so a NaN gradient is cleared too, unlike multiplying by 0). */
    public static void zero(List<TrainableParameter> parameters) {
        if (parameters.isEmpty()) return;
        try (NDManager scope = parameters.get(0).parameter().value().getManager().newSubManager()) {
            for (TrainableParameter p : parameters) zero(view(p.parameter(), scope));
        }
    }

    static void zero(NDArray gradientView) {
        gradientView.set(ALL, 0);
    }
}
