package org.bert4j.finetune.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bert4j.checkpoint.AtomicFiles;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.train.loop.CheckpointStore;
import org.bert4j.train.run.Overrides;
import org.bert4j.train.run.PretrainingConfig;
import org.bert4j.train.run.PretrainingRun;
import org.bert4j.train.run.RunLayers;
import org.bert4j.train.run.RunValues;

/**
 * Task-adaptive pre-training (Gururangan et al. 2020, "Don't Stop Pretraining"): before fine-tuning, continue the
 * model's MLM pre-training on the task's own training texts, so the encoder has seen the task's vocabulary and
 * style. It is an ordinary {@link PretrainingRun} under {@code <output>/tapt/} (its corpus a text per line, both
 * texts of a pair as separate lines; the run's batch size, length and seed; no held-out split, since the dev set
 * judges the outcome), and fine-tuning starts from its last checkpoint. A finished TAPT run is reused; an
 * interrupted one is resumed with {@code --resume}.
 */
final class TaskAdaptivePretraining {

    static final String DIR = "tapt";
    static final String CORPUS = "corpus.txt";

    private TaskAdaptivePretraining() {}

    /** The model directory to fine-tune: the last checkpoint of TAPT on {@code texts}. */
    static Path run(FineTuneConfig config, List<SequenceInput> texts, boolean resume, PrintStream log) {
        Path dir = config.outputDir().resolve(DIR);
        long steps = config.tapt().steps();
        Optional<Path> done = new CheckpointStore(dir.resolve(PretrainingRun.CHECKPOINTS), 1).latest()
                .filter(p -> p.getFileName().toString().equals(CheckpointStore.name(steps)));
        if (done.isPresent()) {
            log.println("task-adaptive pre-training: reusing " + done.get());
            return done.get();
        }
        Path corpus = dir.resolve(CORPUS);
        writeCorpus(corpus, texts); // only when absent: the tokenised-corpus cache is keyed by the file
        Map<String, RunValues.Value> options = new LinkedHashMap<>();
        options.putAll(Overrides.option("finetune model", "model", config.model()));
        options.putAll(Overrides.option("finetune training texts", "corpus.paths", List.of(corpus.toString())));
        options.putAll(Overrides.option("finetune output.dir", "output.dir", dir.toString()));
        List<String> sets = List.of("corpus.format=lines", "train.steps=" + steps, "optimizer.lr=" + config.tapt().lr(),
                "masking.strategy=" + config.tapt().masking(), "train.batch_size=" + config.train().batchSize(),
                "inputs.max_length=" + config.maxLength(), "train.seed=" + config.train().seed(), "eval.fraction=0",
                "schedule.warmup_steps=" + steps / 10, "checkpoint.every=" + steps, "checkpoint.keep=1",
                "train.log_every=" + Math.max(1, Math.min(config.train().logEvery(), steps)));
        PretrainingConfig tapt = PretrainingConfig.from(RunLayers.resolve(null, options, sets));
        log.printf("task-adaptive pre-training: %d MLM steps on %,d training texts under %s%n", steps, texts.size(), dir);
        boolean started = !new CheckpointStore(dir.resolve(PretrainingRun.CHECKPOINTS), 1).complete().isEmpty();
        return PretrainingRun.run(tapt, resume && started, log).checkpoint();
    }

    private static void writeCorpus(Path corpus, List<SequenceInput> texts) {
        if (Files.isRegularFile(corpus)) return;
        List<String> lines = new ArrayList<>();
        for (SequenceInput in : texts) {
            lines.add(oneLine(in.text()));
            if (in.isPair()) lines.add(oneLine(in.pair()));
        }
        try {
            AtomicFiles.writeLines(corpus, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(corpus + ": cannot write the TAPT corpus: " + e.getMessage(), e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
