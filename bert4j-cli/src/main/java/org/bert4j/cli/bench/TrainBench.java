package org.bert4j.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bert4j bench --train}: pre-training throughput of bert4j families and of DJL's own BERT pre-training
 * block at the same sizes, in one process and on one batch: the matmul ceiling, each engine's warm-up steps
 * alone (its memory is measured there), the timed steps taking turns ({@link Interleaved}), the ceiling again.
 * The first family is the subject; the last line is its ratio to DJL, for scripts.
 */
public final class TrainBench {

    /**
     * @param families          bert4j families to time, the first being the one the last line compares
     * @param intermediateGiven whether f came from the command line (else GAU-α keeps its own e = 2d)
     */
    public record Settings(List<String> families, TrainingShape shape, boolean intermediateGiven, boolean mlmOnly,
                           int warmup, int iterations) {}

    private TrainBench() {}

    public static void run(Settings settings, EngineThreads.Actual engine, PrintWriter out) throws Exception {
        TrainingShape s = settings.shape();
        out.printf(Locale.ROOT, "bench --train: L=%d d=%d h=%d f=%d V=%d; batch %d × %d real tokens, %d masked per "
                + "row (15%%)%n", s.layers(), s.hidden(), s.heads(), s.intermediate(), s.vocab(), s.batch(), s.length(),
                s.maskedPerRow());
        out.printf(Locale.ROOT, "one step: forward, MLM at the masked rows (+ NSP where the model has the head; rtd: "
                + "generator MLM, sampling, discriminator on every token), backward, optimiser update; %d warm-up + %d "
                + "timed steps per engine, taking turns%n",
                settings.warmup(), settings.iterations());
        out.printf(Locale.ROOT, "%s intra-op threads %d, inter-op %d, %s%n", engine.engine(), engine.intraOp(),
                engine.interOp(), engine.waitPolicy());
        out.flush();
        int reps = Math.max(3, settings.iterations() / 2);
        MatmulCeiling.Result roofBefore = MatmulCeiling.measure(s.tokens(), s.hidden(), s.intermediate(), reps);
        MaskedBatch batch = MaskedBatch.random(s, 42);
        List<TrainingPass> passes = new ArrayList<>();
        List<Double> flops = new ArrayList<>(); // per trained token
        List<Interleaved.Warm> warm = new ArrayList<>();
        try {
            for (String family : settings.families()) {
                Bert4jTrainingPass pass = new Bert4jTrainingPass(family, s, settings.intermediateGiven(), batch, settings.mlmOnly());
                passes.add(pass);
                flops.add(pass.flopsPerToken());
                warm.add(Interleaved.warmUp(pass, settings.warmup()));
            }
            DjlTrainingPass djl = new DjlTrainingPass(s, batch); // built last: the bert4j figures do not include it
            passes.add(djl);
            flops.add(TrainingFlops.bert(s).perToken());
            warm.add(Interleaved.warmUp(djl, settings.warmup()));
            Interleaved.Timed timed = Interleaved.time(passes, settings.iterations());
            MatmulCeiling.Result roof = roofBefore.best(MatmulCeiling.measure(s.tokens(), s.hidden(), s.intermediate(), reps));
            print(out, s, roof, passes, flops, warm, timed);
        } finally {
            for (TrainingPass p : passes) p.close();
        }
    }

    private static void print(PrintWriter out, TrainingShape s, MatmulCeiling.Result roof, List<TrainingPass> passes,
                              List<Double> flops, List<Interleaved.Warm> warm, Interleaved.Timed timed) {
        out.println();
        MatmulCeiling.print(out, roof);
        out.println();
        out.printf(Locale.ROOT, "%-20s %9s %9s %9s %9s %8s %8s %8s %8s  %s%n", "engine", "tokens/s", "ms/step",
                "MFLOP/tok", "GFLOP/s", "of roof", "heap MB", "RSS MB", "step MB", "loss first → last");
        double[] tokensPerSecond = new double[passes.size()];
        for (int i = 0; i < passes.size(); i++) {
            Samples seconds = timed.seconds().get(i);
            Interleaved.Warm w = warm.get(i);
            tokensPerSecond[i] = s.tokens() / seconds.median();
            double perToken = flops.get(i);
            double gflops = tokensPerSecond[i] * perToken / 1e9;
            TrainingPass p = passes.get(i);
            out.printf(Locale.ROOT, "%-20s %9.0f %9.1f %9.1f %9.1f %7.0f%% %8.0f %8.0f %8.0f  %.3f → %.3f%n",
                    p.engine(), tokensPerSecond[i], seconds.median() * 1e3, perToken / 1e6, gflops,
                    100 * gflops / roof.ceiling(), w.peakHeap() / 1e6, w.peakRss() / 1e6, w.passRss() / 1e6,
                    p.firstLoss(), p.lastLoss());
        }
        out.println("medians of the timed steps; FLOPs 6N + 12·L·d·T per token plus the MLM head at the masked rows "
                + "(rtd: the generator's added to the discriminator's); "
                + "heap and RSS: peaks during the engine's warm-up (RSS: whole process; step: the peak above the RSS "
                + "before it); loss: the first and last step's, the same batch every step");
        int djl = passes.size() - 1;
        for (int i = 1; i < djl; i++) {
            out.printf(Locale.ROOT, "ratio %s vs %s: %.2fx (per-round median %.2fx)%n", passes.get(0).engine(),
                    passes.get(i).engine(), tokensPerSecond[0] / tokensPerSecond[i], timed.pairedSpeedup(0, i));
        }
        out.printf(Locale.ROOT, "per-round ratio (median of DJL step time ÷ %s step time, same round): %.2fx%n",
                passes.get(0).engine(), timed.pairedSpeedup(0, djl));
        out.printf(Locale.ROOT, "ratio vs djl: %.2fx%n", tokensPerSecond[0] / tokensPerSecond[djl]);
        out.flush();
    }
}
