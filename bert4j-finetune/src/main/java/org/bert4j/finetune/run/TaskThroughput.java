package org.bert4j.finetune.run;

import java.nio.file.Path;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.Task;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;

/**
 * How fast a fine-tuned model serves a data file, the three stages timed apart because they scale differently:
 * encoding (tokenising the texts into features, once), prediction (forward passes and the task's decoding, as
 * {@code bert4j predict} runs them) and evaluation (the same plus the loss and the metrics, as
 * {@code bert4j evaluate}). The model is loaded and the file read once, outside every timing; prediction and
 * evaluation passes take turns, so load from other jobs on the machine falls on both.
 */
public final class TaskThroughput {

    /**
     * @param encodeSeconds    the one encoding pass
     * @param predictSeconds   each timed prediction pass over all examples
     * @param evaluateSeconds  each timed evaluation pass over all examples
     */
    public record Result(String task, int examples, int maxLength, double encodeSeconds, double[] predictSeconds,
                         double[] evaluateSeconds) {}

    private TaskThroughput() {}

    /** @param maxLength tokens per input, 0 for the length the model was fine-tuned with */
    public static Result measure(Path modelDir, Path data, FineTuneConfig.Data settings, int maxLength, int batchSize,
                                 int warmup, int iterations) {
        if (batchSize <= 0 || warmup < 0 || iterations <= 0) {
            throw new IllegalArgumentException("batch size and iterations must be > 0, warm-up >= 0");
        }
        try (TaskModels.Loaded loaded = TaskModels.load(modelDir)) {
            return measure(loaded.model(), loaded.task(), data, settings, maxLength, batchSize, warmup, iterations);
        }
    }

    private static <E, T, P> Result measure(TaskModel model, Task<E, T, P> task, Path data, FineTuneConfig.Data settings,
                                            int maxLength, int batchSize, int warmup, int iterations) {
        ReadResult<E> read = SavedModelEvaluation.read(task, data, settings);
        if (read.size() == 0) throw new IllegalArgumentException(data + ": no examples");
        int length = maxLength > 0 ? maxLength : model.maxLength();
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), length, model.encoder().spec())) {
            long start = System.nanoTime();
            FeatureSet<E, T> features = FeatureSet.of(task, read.examples(), encoder);
            double encode = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < warmup; i++) Evaluator.run(model, task, features, batchSize, false);
            double[] predict = new double[iterations];
            double[] evaluate = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                predict[i] = seconds(() -> Evaluator.run(model, task, features, batchSize, false));
                evaluate[i] = seconds(() -> Evaluator.run(model, task, features, batchSize, true));
            }
            return new Result(task.kind().cliName(), read.size(), length, encode, predict, evaluate);
        }
    }

    private static double seconds(Runnable pass) {
        long start = System.nanoTime();
        pass.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
