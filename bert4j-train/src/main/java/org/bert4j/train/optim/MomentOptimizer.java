package org.bert4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bert4j.nn.HostStorage;

/**
 * What AdamW and LAMB share: Adam's first and second moments per parameter, the step count, the state file
 * layout ({@code <path>.m}, {@code <path>.v}) and the per-parameter scope that keeps an update's temporaries off
 * the model's manager. Subclasses only turn the updated moments into a parameter change.
 *
 * <p>A step consumes the gradients: it zeroes them after the update (see {@link Gradients} for why DJL needs this).
 * A parameter no backward pass reached reads as a zero gradient, so its moments decay and weight decay still
 * applies (PyTorch would skip it): give the optimiser only the parameters the objective trains.
 *
 * <p>On the CPU the update runs as one Java pass over the engine's own memory ({@link FusedMoments}); the engine
 * ops below are the path for other devices and types, and the definition the fused pass follows.
 *
 * <p>Each parameter moves at the step's learning rate times its {@link TrainableParameter#learningRateScale()}.
 *
 * <p>Call {@link #step} after the step's gradient collectors are closed: updating a leaf tensor in place is only
 * legal with autograd off, and it is also why the {@code Number} operands here are safe (nothing records them,
 * unlike in a forward pass; see {@code org.bert4j.nn.Scalars}).
 */
public abstract sealed class MomentOptimizer implements Optimizer, AutoCloseable permits AdamW, Lamb {

    private final AdamSettings settings;
    private final List<TrainableParameter> parameters;
    private final NDManager stateManager;
    private final NDArray[] firstMoments;
    private final NDArray[] secondMoments;
    private long steps;

    MomentOptimizer(List<TrainableParameter> parameters, AdamSettings settings) {
        if (parameters.isEmpty()) throw new IllegalArgumentException("no parameters to optimise");
        Set<String> paths = new HashSet<>();
        for (TrainableParameter p : parameters) {
            if (!paths.add(p.path())) throw new IllegalArgumentException("parameter " + p.path() + " listed twice");
        }
        this.settings = settings;
        this.parameters = List.copyOf(parameters);
        // A child of the weights' manager: same device, and closing the model frees the moments too.
        this.stateManager = parameters.get(0).parameter().value().getManager().newSubManager();
        this.firstMoments = new NDArray[parameters.size()];
        this.secondMoments = new NDArray[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            NDArray value = parameters.get(i).parameter().value();
            firstMoments[i] = stateManager.zeros(value.getShape(), value.getDataType());
            secondMoments[i] = stateManager.zeros(value.getShape(), value.getDataType());
        }
    }

    /**
     * One update of x in place from the moments already updated for step t. Runs inside a scope that x, m and v
     * are temporarily attached to, so every intermediate is freed when the parameter is done.
     *
     * @param c1 1 − β1^t, or 1 without bias correction
     * @param c2 1 − β2^t, or 1 without bias correction
     */
    abstract void update(NDArray x, NDArray m, NDArray v, double learningRate, double weightDecay, double c1, double c2);

    @Override
    public final void step(float learningRate) {
        if (!(learningRate >= 0 && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        long t = steps + 1;
        double c1 = settings.correction(settings.beta1(), t);
        double c2 = settings.correction(settings.beta2(), t);
        for (int i = 0; i < parameters.size(); i++) {
            TrainableParameter p = parameters.get(i);
            try (NDManager scope = stateManager.newSubManager()) {
                NDArray x = p.parameter().value();
                NDArray m = firstMoments[i];
                NDArray v = secondMoments[i];
                x.tempAttach(scope); // ops attach results to their first operand's manager: keep them in scope
                m.tempAttach(scope);
                v.tempAttach(scope);
                NDArray g = Gradients.view(p.parameter(), scope);
                double weightDecay = p.decay() ? settings.weightDecay() : 0;
                double rate = p.learningRateScale() == 1 ? learningRate : learningRate * p.learningRateScale();
                FusedMoments.Tensor host = hostTensor(x, g, m, v);
                if (host != null) { // one pass in Java over the engine's own memory; clears g too
                    fusedUpdate(host, rate, weightDecay, c1, c2);
                    continue;
                }
                m.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));           // m ← β1·m + (1−β1)·g
                v.muli(settings.beta2()).addi(g.square().muli(1 - settings.beta2())); // v ← β2·v + (1−β2)·g²
                update(x, m, v, rate, weightDecay, c1, c2);
                Gradients.zero(g);
            }
        }
        steps = t;
    }

    /**
     * The same update as {@link #update}, moments included, over host memory in a single pass ({@link FusedMoments}),
     * also setting the gradient to 0.
     */
    abstract void fusedUpdate(FusedMoments.Tensor t, double learningRate, double weightDecay, double c1, double c2);

    /** x, g, m, v as shared host buffers when all four allow it (float32, CPU, contiguous), else null. */
    private static FusedMoments.Tensor hostTensor(NDArray x, NDArray g, NDArray m, NDArray v) {
        FloatBuffer xs = HostStorage.floats(x);
        FloatBuffer gs = xs == null ? null : HostStorage.floats(g);
        FloatBuffer ms = gs == null ? null : HostStorage.floats(m);
        FloatBuffer vs = ms == null ? null : HostStorage.floats(v);
        return vs == null ? null : new FusedMoments.Tensor(xs, gs, ms, vs);
    }

    /**
     * scale · m̂/(√v̂ + ε), the Adam direction both optimisers start from, as a new array in the step's scope. The
     * update is memory-bound (each op is a pass over a parameter-sized array), so a factor of exactly 1 is skipped
     * and the caller folds its learning rate into {@code scale} rather than paying one more pass.
     */
    final NDArray adamDirection(NDArray m, NDArray v, double c1, double c2, double scale) {
        NDArray denominator = v.sqrt(); // √v
        if (c2 != 1) denominator.muli(1 / Math.sqrt(c2)); // √v̂
        NDArray direction = m.div(denominator.addi(settings.epsilon()));
        return scale / c1 == 1 ? direction : direction.muli(scale / c1);
    }

    /** Both paths clear each gradient as they consume it (the fused pass in the same pass). */
    @Override
    public final boolean clearsGradients() { return true; }

    @Override
    public final long steps() { return steps; }

    public final List<TrainableParameter> parameters() { return parameters; }

    public final AdamSettings settings() { return settings; }

    /** The live moment arrays (owned by the optimiser and changed by the next step: save or copy them now). */
    @Override
    public final Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            out.put(parameters.get(i).path() + ".m", firstMoments[i]);
            out.put(parameters.get(i).path() + ".v", secondMoments[i]);
        }
        return out;
    }

    /** Copies the given moments in (converted to each parameter's type and device); the given arrays stay the caller's. */
    @Override
    public final void loadState(Map<String, NDArray> state, long steps) {
        if (steps < 0) throw new IllegalArgumentException("step count must be >= 0, got " + steps);
        Set<String> expected = state().keySet();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(state.keySet());
        Set<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("optimiser state does not match the parameters: missing " + missing
                    + ", unexpected " + unexpected);
        }
        List<String> misshaped = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            for (String key : List.of(parameters.get(i).path() + ".m", parameters.get(i).path() + ".v")) {
                if (!state.get(key).getShape().equals(firstMoments[i].getShape())) {
                    misshaped.add(key + " " + state.get(key).getShape() + " (expected " + firstMoments[i].getShape() + ")");
                }
            }
        }
        if (!misshaped.isEmpty()) throw new IllegalArgumentException("optimiser state has wrong shapes: " + misshaped);
        for (int i = 0; i < parameters.size(); i++) {
            String path = parameters.get(i).path();
            firstMoments[i] = replace(firstMoments[i], state.get(path + ".m"));
            secondMoments[i] = replace(secondMoments[i], state.get(path + ".v"));
        }
        this.steps = steps;
    }

    private NDArray replace(NDArray current, NDArray loaded) {
        NDArray copy = loaded.toDevice(current.getDevice(), false).toType(current.getDataType(), false).duplicate();
        copy.attach(stateManager);
        current.close();
        return copy;
    }

    /** Frees the moments (closing the model frees them too). */
    @Override
    public void close() {
        stateManager.close();
    }
}
