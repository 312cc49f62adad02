package org.bert4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bert4j.train.run.Overrides;
import org.bert4j.train.run.PretrainingConfig;
import org.bert4j.train.run.PretrainingRun;
import org.bert4j.train.run.Presets;
import org.bert4j.train.run.RunLayers;
import org.bert4j.train.run.RunSchema;
import org.bert4j.train.run.RunValues;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Pre-trains from scratch (a preset or a config.json) or continues pre-training an existing model (DAPT/TAPT) on
 * a corpus. Settings come from the preset, then the run file, then these options and {@code --set}.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pre-train an encoder with MLM (and NSP/SOP) on a corpus, or continue pre-training an existing "
                + "model; writes checkpoints, metrics.jsonl and loss.png under --out.",
        footer = {"", "Presets: " + "roformer_v2-{tiny,small,base,large}, gau_alpha-{tiny,base}, bert-{tiny,base}, "
                + "roberta-{tiny,base}, albert-{tiny,base}",
                "Example: bert4j pretrain --preset roformer_v2-tiny --tokenizer tokenizer.json --corpus news.jsonl "
                        + "--out runs/demo --set train.steps=500"})
final class PretrainCommand implements Callable<Integer> {

    /** What to train: exactly one, unless the run file names it. */
    static final class ModelChoice {
        @Option(names = "--preset", paramLabel = "NAME", description = "a built-in recipe, e.g. roformer_v2-tiny")
        String preset;

        @Option(names = "--model", paramLabel = "MODEL", description = "continue pre-training: " + ModelArgument.HELP
                + "; or a config.json to start from scratch")
        String model;
    }

    @ArgGroup(exclusive = true)
    ModelChoice choice;

    @Option(names = "--corpus", paramLabel = "PATH", description = "corpus file (repeatable): text lines or JSON lines")
    List<String> corpus = new ArrayList<>();

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "tokenizer.json (default: the model's)")
    String tokenizer;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (checkpoints, metrics.jsonl, loss.png)")
    String out;

    @Mixin
    RunFileOptions run = new RunFileOptions();

    @Override
    public Integer call() {
        if (run.listed(RunSchema.settings(), System.out)) return 0;
        if (choice != null && choice.preset != null && Presets.find(choice.preset).isEmpty()) {
            throw new IllegalArgumentException("unknown preset '" + choice.preset + "' (known: " + String.join(", ", Presets.NAMES) + ")");
        }
        Map<String, RunValues.Value> options = new LinkedHashMap<>();
        if (choice != null) options.putAll(Overrides.option(choice.preset != null ? "--preset" : "--model", "model",
                choice.preset != null ? choice.preset : choice.model));
        if (!corpus.isEmpty()) options.putAll(Overrides.option("--corpus", "corpus.paths", List.copyOf(corpus)));
        if (tokenizer != null) options.putAll(Overrides.option("--tokenizer", "tokenizer", tokenizer));
        if (out != null) options.putAll(Overrides.option("--out", "output.dir", out));
        PretrainingConfig config = PretrainingConfig.from(RunLayers.resolve(run.runFile, options, run.sets));
        RunFileOptions.useThreads(config.train().threads());
        PretrainingRun.Outcome o = PretrainingRun.run(config, run.resume, System.out);
        System.out.println("checkpoint:  " + o.checkpoint());
        System.out.println("metrics:     " + o.metrics());
        System.out.println("loss curve:  " + o.lossCurve());
        return 0;
    }
}
