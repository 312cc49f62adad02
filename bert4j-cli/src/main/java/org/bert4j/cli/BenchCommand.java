package org.bert4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bert4j.cli.bench.BenchInputs;
import org.bert4j.cli.bench.BenchPass;
import org.bert4j.cli.bench.EncoderPass;
import org.bert4j.cli.bench.EngineThreads;
import org.bert4j.cli.bench.Interleaved;
import org.bert4j.cli.bench.MatmulCeiling;
import org.bert4j.cli.bench.ModelFlops;
import org.bert4j.cli.bench.OnnxRuntimePass;
import org.bert4j.cli.bench.OnnxSource;
import org.bert4j.cli.bench.Samples;
import org.bert4j.cli.bench.TaskBench;
import org.bert4j.cli.bench.TrainBench;
import org.bert4j.cli.bench.TrainingShape;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.OfflineModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bert4j bench MODEL}: forward-pass throughput against the roof and a peer, in one process (design notes,
 * "Performance is measured"): the matmul ceiling, each engine's warm-up alone, their timed passes taking turns
 * ({@link Interleaved}), a leak check, the ceiling again. Passes never overlap, so neither engine's thread pool
 * competes with the other's. The machines are shared and noisy, so figures are medians and only same-run ratios
 * compare; the last line is the ratio, for scripts.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures inference throughput on a (B, T) batch of real tokens: the engine's float32 matmul "
                + "ceiling, bert4j tokens/s with the FLOP rate it implies (2N + 4·L·d·T per token) and peak memory, and "
                + "ONNX Runtime on the same inputs and threads when the model has an ONNX export.",
                "The last line reads 'ratio vs onnxruntime: N.NNx' (bert4j tokens/s ÷ ONNX Runtime tokens/s).",
                "With --train (no MODEL): pre-training steps of fresh bert4j models of --family at the given sizes and "
                + "of DJL's BertPretrainingBlock of the same sizes, with the FLOP rate (6N + 12·L·d·T per token, MLM "
                + "head at the masked rows); the last line reads 'ratio vs djl: N.NNx'.",
                "With --task-model DIR --data FILE: examples/s of a fine-tuned model's encoding, prediction and evaluation; "
                + "the last line reads 'predict examples/s: N'."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "a short name (bge-small-zh, all-minilm-l6, "
            + "bge-small-en, bert-base-uncased) or a Hugging Face model directory")
    String model;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32",
            description = "sequences per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--length", paramLabel = "T", defaultValue = "128",
            description = "tokens per sequence (default ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "intra-op threads for both engines (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--warmup", defaultValue = "2",
            description = "untimed passes per engine first, ≥ 1: memory is measured there (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--iterations", defaultValue = "10",
            description = "timed passes per engine (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--onnx", paramLabel = "FILE", description = "the ONNX file to compare with (default: the "
            + "export the short name comes from, or model.onnx in the directory)")
    Path onnx;

    @Option(names = "--train", description = "benchmark pre-training steps instead of a model's inference")
    boolean train;

    @Option(names = "--family", paramLabel = "F[,F...]", split = ",", defaultValue = "bert",
            description = "with --train: bert4j families to build (bert, roberta, albert, roformer_v2, gau_alpha, electra, "
                    + "deberta_v3; the last two train by replaced-token detection, as their presets do); the first is "
                    + "compared with DJL on the last line, the others with the first (default ${DEFAULT-VALUE})")
    List<String> families;

    @Option(names = "--mlm-only", description = "with --train: MLM on electra and deberta_v3 models too, to compare "
            + "their encoders with BERT's at the same work")
    boolean mlmOnly;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "12", description = "with --train (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--hidden", paramLabel = "d", defaultValue = "768", description = "with --train (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--heads", paramLabel = "h", defaultValue = "12", description = "with --train (default ${DEFAULT-VALUE})")
    int heads;

    @Option(names = "--intermediate", paramLabel = "f", description = "with --train: FFN width (default 4·d; GAU-α: 2·d)")
    Integer intermediate;

    @Option(names = "--vocab", paramLabel = "V", defaultValue = "30522", description = "with --train (default ${DEFAULT-VALUE})")
    int vocab;

    @Option(names = "--task-model", paramLabel = "DIR", description = "a fine-tuned model: time its encoding, prediction "
            + "and evaluation on --data instead of a forward pass (--batch is the batch size, --length 0 its own length)")
    Path taskModel;

    @Option(names = "--data", paramLabel = "FILE", description = "with --task-model: labelled data, read as evaluate reads it")
    Path data;

    @Mixin
    DataFormatOptions dataFormat = new DataFormatOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batch <= 0 || length <= 0 || iterations <= 0 || warmup <= 0) {
            throw new ParameterException(spec.commandLine(), "--batch, --length, --warmup and --iterations must be > 0");
        }
        int modes = (train ? 1 : 0) + (taskModel != null ? 1 : 0) + (model != null ? 1 : 0);
        if (modes != 1) {
            throw new ParameterException(spec.commandLine(), "give exactly one of a MODEL, --train or --task-model");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (taskModel != null) {
            if (data == null) throw new ParameterException(spec.commandLine(), "--task-model needs --data FILE");
            TaskBench.run(ModelArgument.directory(taskModel.toString()), data, dataFormat.forFile(data),
                    spec.commandLine().getParseResult().hasMatchedOption("--length") ? length : 0, batch, warmup,
                    iterations, EngineThreads.apply(threads), out);
            return 0;
        }
        if (train) {
            TrainingShape shape;
            try {
                shape = new TrainingShape(layers, hidden, heads, intermediate == null ? 4 * hidden : intermediate,
                        vocab, batch, length);
                for (String f : families) shape.config(f, intermediate != null); // a wrong family fails before any work
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            TrainBench.run(new TrainBench.Settings(families, shape, intermediate != null, mlmOnly, warmup, iterations),
                    EngineThreads.apply(threads), out);
            return 0;
        }
        // Before anything creates an NDArray: DJL reads the thread properties once, at engine start.
        EngineThreads.Actual engine = EngineThreads.apply(threads);
        Path dir = OfflineModels.resolve(model);
        OnnxSource.Found peerModel = OnnxSource.find(model, dir, onnx);
        try (LoadedModel loaded = HfDirectory.load(dir)) {
            ModelFlops flops = ModelFlops.of(loaded.model(), length);
            out.printf(Locale.ROOT, "bench %s: L=%d d=%d f=%d, N=%.2fM non-embedding parameters, %.1f MFLOP/token "
                    + "at T=%d%n", model, flops.layers(), flops.hidden(), flops.intermediate(),
                    flops.nonEmbeddingParameters() / 1e6, flops.perToken() / 1e6, length);
            out.printf(Locale.ROOT, "batch %d × %d real tokens; %d warm-up + %d timed passes per engine, taking "
                    + "turns%n", batch, length, warmup, iterations);
            out.printf(Locale.ROOT, "%s intra-op threads %d, inter-op %d, %s; onnxruntime intra-op %d%n",
                    engine.engine(), engine.intraOp(), engine.interOp(), engine.waitPolicy(), threads);
            out.flush();
            long rows = (long) batch * length;
            int reps = Math.max(3, iterations / 2);
            MatmulCeiling.Result roofBefore = MatmulCeiling.measure(rows, flops.hidden(), flops.intermediate(), reps);
            BenchInputs inputs = BenchInputs.random(batch, length, loaded.model().spec().vocabSize(), 42);
            List<BenchPass> passes = new ArrayList<>();
            List<Interleaved.Warm> warm = new ArrayList<>();
            try {
                passes.add(new EncoderPass(loaded.model(), inputs));
                warm.add(Interleaved.warmUp(passes.get(0), warmup));
                if (peerModel != null) { // loaded only now, so bert4j's memory figures do not include it
                    passes.add(new OnnxRuntimePass(peerModel.bytes(), inputs, threads));
                    warm.add(Interleaved.warmUp(passes.get(1), warmup));
                }
                Interleaved.Timed timed = Interleaved.time(passes, iterations);
                // ≥ 4 rounds: the first only settles, and a median of ≥ 2 per-round changes ignores one glibc jump.
                long[] leak = Interleaved.leakCheck(passes, Math.max(4, iterations / 2));
                MatmulCeiling.Result roof = roofBefore.best(
                        MatmulCeiling.measure(rows, flops.hidden(), flops.intermediate(), reps));
                print(out, roof, flops, passes, warm, timed, leak, peerModel);
            } finally {
                for (BenchPass p : passes) p.close();
            }
        }
        return 0;
    }

    private void print(PrintWriter out, MatmulCeiling.Result roof, ModelFlops flops, List<BenchPass> passes,
                       List<Interleaved.Warm> warm, Interleaved.Timed timed, long[] leak,
                       OnnxSource.Found peerModel) {
        out.println();
        MatmulCeiling.print(out, roof);
        out.println();
        out.printf(Locale.ROOT, "%-12s %10s %10s %9s %8s %9s %9s %9s%n", "engine", "tokens/s", "ms/batch",
                "GFLOP/s", "of roof", "heap MB", "RSS MB", "pass MB");
        double[] tokensPerSecond = new double[passes.size()];
        for (int i = 0; i < passes.size(); i++) {
            Samples s = timed.seconds().get(i);
            Interleaved.Warm w = warm.get(i);
            tokensPerSecond[i] = (double) batch * length / s.median();
            double gflops = tokensPerSecond[i] * flops.perToken() / 1e9;
            out.printf(Locale.ROOT, "%-12s %10.0f %10.1f %9.1f %7.0f%% %9.0f %9.0f %9.0f%n", passes.get(i).engine(),
                    tokensPerSecond[i], s.median() * 1e3, gflops, 100 * gflops / roof.ceiling(),
                    w.peakHeap() / 1e6, w.peakRss() / 1e6, w.passRss() / 1e6);
        }
        out.println("medians; heap and RSS: peaks during the engine's warm-up (RSS: whole process, model loaded; "
                + "pass: the peak above the RSS before it)");
        StringBuilder rss = new StringBuilder();
        for (long r : leak) rss.append(String.format(Locale.ROOT, " %.0f", r / 1e6));
        double[] changes = new double[leak.length - 2]; // the first sample still settles from the timed rounds
        for (int i = 2; i < leak.length; i++) changes[i - 2] = (leak[i] - leak[i - 1]) / 1e6;
        double outputMb = (flops.layers() + 1.0) * batch * length * flops.hidden() * 4 / 1e6; // the hidden states
        out.printf(Locale.ROOT, "leak check, RSS after malloc_trim after each of %d more rounds:%s MB; median change "
                + "%+.1f MB a round (a pass that kept its output would add %.1f)%n", leak.length, rss,
                new Samples(changes).median(), outputMb);
        if (peerModel != null) {
            out.println("onnxruntime model: " + peerModel.origin());
            out.printf(Locale.ROOT, "per-round ratio (median of ORT time ÷ bert4j time, same round): %.2fx%n",
                    timed.pairedSpeedup(0, 1));
        }
        out.println(peerModel == null
                ? "ratio vs onnxruntime: n/a (no ONNX export for " + model + "; give --onnx FILE)"
                : String.format(Locale.ROOT, "ratio vs onnxruntime: %.2fx", tokensPerSecond[0] / tokensPerSecond[1]));
        out.flush();
    }
}
