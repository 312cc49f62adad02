package org.bert4j.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.bert4j.finetune.run.FineTuneConfig;
import org.bert4j.finetune.run.TaskThroughput;

/**
 * {@code bert4j bench --task-model DIR --data FILE}: examples/s of a fine-tuned model on a data file, for encoding,
 * prediction and evaluation ({@link TaskThroughput}), medians over the timed passes. There is no peer here: no
 * other JVM engine fine-tunes these heads. The last line gives prediction examples/s, for scripts.
 */
public final class TaskBench {

    private TaskBench() {}

    public static void run(Path model, Path data, FineTuneConfig.Data settings, int maxLength, int batch, int warmup,
                           int iterations, EngineThreads.Actual engine, PrintWriter out) {
        out.printf(Locale.ROOT, "%s intra-op threads %d, inter-op %d, %s%n", engine.engine(), engine.intraOp(),
                engine.interOp(), engine.waitPolicy());
        out.flush();
        TaskThroughput.Result r = TaskThroughput.measure(model, data, settings, maxLength, batch, warmup, iterations);
        out.printf(Locale.ROOT, "bench --task-model %s: %s, %,d examples of %s, batch %d, max length %d; %d warm-up + "
                + "%d timed passes each%n", model, r.task(), r.examples(), data, batch, r.maxLength(), warmup, iterations);
        Samples predict = new Samples(r.predictSeconds());
        Samples evaluate = new Samples(r.evaluateSeconds());
        out.printf(Locale.ROOT, "%-40s %10s %10s%n", "stage", "examples/s", "seconds");
        out.printf(Locale.ROOT, "%-40s %10.1f %10.2f%n", "encode (tokenise into features, once)",
                r.examples() / r.encodeSeconds(), r.encodeSeconds());
        out.printf(Locale.ROOT, "%-40s %10.1f %10.2f%n", "predict (forward + decode)", r.examples() / predict.median(),
                predict.median());
        out.printf(Locale.ROOT, "%-40s %10.1f %10.2f%n", "evaluate (the same + loss and metrics)",
                r.examples() / evaluate.median(), evaluate.median());
        out.printf(Locale.ROOT, "predict examples/s: %.1f%n", r.examples() / predict.median());
        out.flush();
    }
}
