package org.bert4j.train.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.safetensors.SafetensorsFile;
import org.bert4j.checkpoint.safetensors.SafetensorsWriter;
import org.bert4j.train.optim.Optimizer;

/**
 * The optimiser's moments as {@code optimizer.safetensors} (keys as {@link Optimizer#state()} names them, the
 * step count in the metadata). Values are copied bit for bit (float32 or float64), so a resumed run continues
 * with exactly the moments it had.
 */
public final class OptimizerStateFile {

    public static final String FILE = "optimizer.safetensors";
    private static final String STEPS = "optimizer_steps";

    private OptimizerStateFile() {}

    public static void write(Path dir, Optimizer optimizer) {
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        optimizer.state().forEach((name, array) -> tensors.put(name, TensorFiles.stored(name, array)));
        SafetensorsWriter.write(dir.resolve(FILE), tensors, Map.of("format", "bert4j-optimizer",
                STEPS, Long.toString(optimizer.steps())));
    }

    /**
     * Loads the state into {@code optimizer}. The arrays are made in a scope under {@code manager} (the model's,
     * so on its device) that is closed afterwards: {@link Optimizer#loadState} copies what it keeps.
     */
    public static void read(Path dir, Optimizer optimizer, NDManager manager) {
        Path file = dir.resolve(FILE);
        try (SafetensorsFile f = new SafetensorsFile(file); NDManager scope = manager.newSubManager()) {
            String steps = f.metadata().get(STEPS);
            if (steps == null) throw new CheckpointException(file + ": no '" + STEPS + "' in the metadata");
            Map<String, NDArray> state = new LinkedHashMap<>();
            for (String name : f.names()) state.put(name, TensorFiles.array(scope, f.get(name)));
            optimizer.loadState(state, Long.parseLong(steps));
        }
    }
}
