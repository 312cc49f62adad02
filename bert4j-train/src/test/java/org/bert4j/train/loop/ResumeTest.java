package org.bert4j.train.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bert4j.nn.Parameter;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.report.MetricsLog;
import org.bert4j.train.report.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted after a checkpoint and resumed with fresh objects (model, optimiser, data, log loaded from
 * disk) gives the same per-step losses and the same final weights as the same run uninterrupted: the data
 * position, masks, dropout, α and optimiser moments all come back exactly.
 */
class ResumeTest {

    private static final long STEPS = 12;
    private static final LoopSettings SETTINGS = new LoopSettings(STEPS, 1e-2, 8, 2, 1.0, 4, 11, 1, 4, 2, 3);

    @Test
    void resumedRunGivesTheLossesAndWeightsOfAnUninterruptedOne(@TempDir Path tmp) {
        List<Double> straight = losses(train(tmp.resolve("a"), ModelBuilder.create(TinyModels.hf(LoopTestKit.config()),
                DataType.FLOAT32, 7), null, 0));

        Path b = tmp.resolve("b");
        RuntimeException crash = assertThrows(RuntimeException.class, () -> train(b,
                ModelBuilder.create(TinyModels.hf(LoopTestKit.config()), DataType.FLOAT32, 7), null, 6));
        assertEquals("simulated crash after step 6", crash.getMessage());
        RunCheckpoints checkpoints = new RunCheckpoints(new CheckpointStore(b.resolve("checkpoints"), 2));
        RunCheckpoints.Restored restored = checkpoints.restoreModel().orElseThrow();
        assertEquals(6, restored.state().step());
        List<Double> resumed = losses(train(b, restored.model(), restored, 0));

        assertEquals(STEPS, straight.size());
        assertEquals(straight, resumed, "per-step losses, bit for bit");
        try (LoadedModel x = HfDirectory.load(tmp.resolve("a/checkpoints/" + CheckpointStore.name(STEPS)));
             LoadedModel y = HfDirectory.load(b.resolve("checkpoints/" + CheckpointStore.name(STEPS)))) {
            Map<String, Parameter> px = x.model().namedParameters();
            Map<String, Parameter> py = y.model().namedParameters();
            assertEquals(px.keySet(), py.keySet());
            px.forEach((k, p) -> assertArrayEquals(p.value().toFloatArray(), py.get(k).value().toFloatArray(), k));
        }
    }

    /** Trains to {@link #STEPS} (from a restored checkpoint when given), crashing after step {@code crashAt} if > 0. */
    static List<com.google.gson.JsonObject> train(Path out, LoadedModel model, RunCheckpoints.Restored restored, long crashAt) {
        RunCheckpoints checkpoints = new RunCheckpoints(new CheckpointStore(out.resolve("checkpoints"), 2));
        List<TrainableParameter> params = LoopTestKit.parameters(model.model());
        Optimizer optimizer = LoopTestKit.lamb(params);
        if (restored != null) RunCheckpoints.restoreOptimizer(restored, optimizer);
        TrainerState start = restored == null ? TrainerState.start(SETTINGS.seed()) : restored.state();
        TrainingComponents c = LoopTestKit.components(model.model(), LoopTestKit.counting(40, 1), LoopTestKit.counting(10, 2),
                SETTINGS.seed(), SETTINGS.batchSize(), optimizer, params, STEPS);
        Path log = out.resolve(MetricsLog.FILE);
        try (model; MetricsLog metrics = restored == null ? MetricsLog.create(log) : MetricsLog.resume(log, start.step())) {
            Trainer trainer = new Trainer(c, SETTINGS, metrics, quiet(), state -> {
                checkpoints.save(model, optimizer, state, dir -> { });
                if (state.step() == crashAt) throw new RuntimeException("simulated crash after step " + crashAt);
            });
            trainer.run(start);
            return metrics.records();
        }
    }

    static List<int[]> shuffled(int n, int batch, long seed, int epoch) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new java.util.Random(org.bert4j.train.data.SequenceRandom.forEpoch(seed, epoch).nextLong()));
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + batch <= n; i += batch) out.add(order.subList(i, i + batch).stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    static List<Double> losses(List<JsonObject> records) {
        return records.stream().filter(r -> r.get("kind").getAsString().equals(MetricsLog.TRAIN))
                .map(r -> r.get("loss").getAsDouble()).toList();
    }

    static ProgressBar quiet() {
        return new ProgressBar("train", STEPS, "steps", new PrintStream(OutputStream.nullOutputStream()), false, 1_000_000);
    }
}
