package org.bert4j.finetune.train;

import java.nio.file.Path;
import org.bert4j.finetune.task.Task;
import java.util.Optional;
import java.util.function.Consumer;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.train.loop.CheckpointStore;
import org.bert4j.train.loop.OptimizerStateFile;
import org.bert4j.train.optim.Optimizer;

/**
 * What a fine-tuning checkpoint holds and how a run comes back from one. Each {@code step-NNNNNN/} is the task
 * model as an HF directory (loadable on its own), plus {@code optimizer.safetensors}, {@code ema.safetensors}
 * when weights are averaged, {@code finetune_state.json} and whatever the run adds (its {@code run.json}),
 * written atomically by the pre-training {@link CheckpointStore}.
 */
public final class FineTuneCheckpoints {

    private final CheckpointStore store;

    public FineTuneCheckpoints(CheckpointStore store) {
        this.store = store;
    }

    public CheckpointStore store() { return store; }

    /** Writes checkpoint {@code state.step()}; {@code ema} may be null; {@code extras} may add files. */
    public Path save(TaskModel model, Optimizer optimizer, ExponentialMovingAverage ema, FineTuneState state, Consumer<Path> extras) {
        return store.write(state.step(), dir -> {
            model.save(dir, d -> { });
            OptimizerStateFile.write(dir, optimizer);
            if (ema != null) ema.write(dir);
            state.write(dir);
            extras.accept(dir);
        });
    }

    /** The newest complete checkpoint, leftovers of interrupted writes cleared first. */
    public Optional<Path> latest() {
        store.clearIncomplete();
        return store.latest();
    }

    /** The model of a checkpoint, with its head built by {@code task}, which must be the one it was trained for. */
    public static TaskModels.Loaded loadModel(Path checkpoint, Task<?, ?, ?> task) {
        return TaskModels.load(checkpoint, task);
    }

    /**
     * Puts a checkpoint's optimiser moments, EMA shadows (when {@code ema} is not null) into objects built over
     * the restored model, and returns its loop state.
     */
    public static FineTuneState restore(Path checkpoint, TaskModel model, Optimizer optimizer, ExponentialMovingAverage ema) {
        OptimizerStateFile.read(checkpoint, optimizer, model.encoder().manager());
        if (ema != null) ema.read(checkpoint);
        return FineTuneState.read(checkpoint);
    }
}
