package org.bert4j.finetune.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.checkpoint.safetensors.SafetensorsWriter;
import org.bert4j.nn.Parameter;

/**
 * An exponential moving average of the weights (Polyak averaging as TF's {@code ExponentialMovingAverage} and
 * bert4keras's {@code extend_with_exponential_moving_average} keep it): after every optimiser step
 * <pre>  shadow ← decay·shadow + (1 − decay)·θ</pre>
 * starting from the weights training starts with. The average sits in a flatter region than the last iterate,
 * so evaluating and saving it usually scores a little better at no training cost; {@link #withAverage} swaps it
 * into the model for that and swaps the trained weights back.
 *
 * <p>The shadows are float copies in a child of the model's manager; {@link #write} / {@link #read} keep them
 * bit for bit in each checkpoint, so a resumed run averages exactly as an uninterrupted one.
 */
public final class ExponentialMovingAverage implements AutoCloseable {

    public static final String FILE = "ema.safetensors";
    private static final NDIndex ALL = new NDIndex("...");

    private final double decay;
    private final List<String> paths;
    private final List<Parameter> parameters;
    private final List<NDArray> shadows;
    private final NDManager manager;

    public ExponentialMovingAverage(Map<String, Parameter> parameters, double decay) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("EMA decay must be in (0, 1), got " + decay);
        if (parameters.isEmpty()) throw new IllegalArgumentException("no parameters to average");
        this.decay = decay;
        this.paths = List.copyOf(parameters.keySet());
        this.parameters = List.copyOf(parameters.values());
        this.manager = this.parameters.get(0).value().getManager().newSubManager();
        this.shadows = new ArrayList<>(paths.size());
        for (Parameter p : this.parameters) shadows.add(copy(p.value()));
    }

    public double decay() { return decay; }

    /** One step of the average; call after the optimiser step, outside any gradient collector. */
    public void update() {
        for (int i = 0; i < shadows.size(); i++) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray theta = parameters.get(i).value();
                NDArray shadow = shadows.get(i);
                theta.tempAttach(scope); // ops attach results to their first operand's manager: keep them in scope
                shadow.tempAttach(scope);
                shadow.muli(decay).addi(theta.mul(1 - decay)); // (1−d)·θ is a temporary in scope
            }
        }
    }

    /** Runs {@code action} with the averaged weights in the model, then puts the trained weights back. */
    public <R> R withAverage(Supplier<R> action) {
        List<NDArray> trained = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) trained.add(copy(p.value()));
        try {
            for (int i = 0; i < parameters.size(); i++) parameters.get(i).value().set(ALL, shadows.get(i));
            return action.get();
        } finally {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).value().set(ALL, trained.get(i));
                trained.get(i).close();
            }
        }
    }

    /** The averaged value of a parameter (owned by this object). */
    public NDArray shadow(String path) {
        int i = paths.indexOf(path);
        if (i < 0) throw new IllegalArgumentException("no parameter " + path + " in the average");
        return shadows.get(i);
    }

    public void write(Path dir) {
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            out.put(paths.get(i), StoredTensor.ofFloats(paths.get(i), shadows.get(i).getShape().getShape(), shadows.get(i).toFloatArray()));
        }
        SafetensorsWriter.write(dir.resolve(FILE), out, Map.of("format", "bert4j-ema", "decay", Double.toString(decay)));
    }

    /** Replaces the shadows with a checkpoint's; every parameter must be there with its shape. */
    public void read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new CheckpointException(file + ": missing (the run averages its weights)");
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                if (!f.names().contains(path)) throw new CheckpointException(file + ": no average for " + path);
                StoredTensor t = f.get(path);
                NDArray target = shadows.get(i);
                if (!java.util.Arrays.equals(t.shape(), target.getShape().getShape())) {
                    throw new CheckpointException(file + ": " + path + " has shape " + java.util.Arrays.toString(t.shape())
                            + ", the model " + target.getShape());
                }
                try (NDArray loaded = manager.create(t.toFloats(), target.getShape())) {
                    target.set(ALL, loaded);
                }
            }
        }
    }

    private NDArray copy(NDArray value) {
        NDArray c = value.duplicate();
        c.attach(manager);
        return c;
    }

    @Override
    public void close() {
        manager.close();
    }
}
