package org.bert4j.train.loop;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.train.optim.Optimizer;

/**
 * What a checkpoint holds and how a run comes back from one. Each {@code step-NNNNNN/} is a Hugging Face model
 * directory (so any checkpoint can be loaded, fine-tuned or pre-trained further as it is) plus
 * {@code optimizer.safetensors}, {@code trainer_state.json} and whatever the run adds (its {@code run.json}).
 */
public final class RunCheckpoints {

    /** A run brought back: the model as saved (every head), the state, and the directory it came from. */
    public record Restored(LoadedModel model, TrainerState state, Path directory) {}

    private final CheckpointStore store;

    public RunCheckpoints(CheckpointStore store) {
        this.store = store;
    }

    public CheckpointStore store() { return store; }

    /** Writes checkpoint {@code state.step()} atomically; {@code extras} may add files to the directory. */
    public Path save(LoadedModel model, Optimizer optimizer, TrainerState state, Consumer<Path> extras) {
        return store.write(state.step(), dir -> {
            HfDirectory.save(model.model(), model.family(), dir, model.tokenizer());
            OptimizerStateFile.write(dir, optimizer);
            state.write(dir);
            extras.accept(dir);
        });
    }

    /** The model and state of the newest complete checkpoint; leftovers of interrupted writes are cleared first. */
    public Optional<Restored> restoreModel() {
        store.clearIncomplete();
        return store.latest().map(dir -> new Restored(HfDirectory.load(dir), TrainerState.read(dir), dir));
    }

    /** Loads the optimiser's moments from a restored checkpoint (after the optimiser is built over its model). */
    public static void restoreOptimizer(Restored restored, Optimizer optimizer) {
        OptimizerStateFile.read(restored.directory(), optimizer, restored.model().model().manager());
    }
}
