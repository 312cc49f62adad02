package org.bert4j.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bert4j.finetune.run.FineTuneConfig;
import org.bert4j.finetune.run.FineTuneRun;
import org.bert4j.finetune.run.FineTuneSchema;
import org.bert4j.train.run.RunValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fine-tunes a pre-trained model on a labelled data set (sequence classification, pair classification, regression,
 * multi-label, token classification with or without a CRF, GlobalPointer spans, multiple choice, extractive question
 * answering), keeping the best dev checkpoint as a Hugging Face directory. Settings: defaults, then the run file, then
 * these options and {@code --set}.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune a model on a task; writes best/ (an HF *ForSequenceClassification, *ForTokenClassification, "
                + "*ForMultipleChoice or *ForQuestionAnswering directory), checkpoints/, metrics.jsonl and loss.png under --output.",
        footer = {"", "Tasks: classification, pair-classification, regression, multi-label, token-classification (NER: a tag per "
                + "word or character, softmax), token-classification-crf (the same with a CRF; saved as crf.* weights and \"crf\": true), spans (typed, possibly "
                + "nested spans with a GlobalPointer, from CLUENER JSON; saved as *ForGlobalPointer with global_pointer.* weights), "
                + "multiple-choice (C3 JSON reading comprehension: each question's options scored against each other, the passage "
                + "truncated, never the option; saved as *ForMultipleChoice; --batch-size counts questions), "
                + "question-answering (extractive QA from SQuAD JSON such as CMRC 2018 or DRCD; a long context is read in windows, "
                + "--set qa.doc_stride=128, qa.max_question_length=64, qa.max_answer_length=30).",
                "Tagging data: CoNLL columns (token first, tag last) or BMES lines (--format bmes-lines, or a .bmes file).",
                "Example: bert4j finetune --task classification --model bge-small-zh --train train.tsv --dev dev.tsv "
                        + "--output runs/senti --set train.epochs=2"})
final class FinetuneCommand implements Callable<Integer> {

    @Option(names = "--task", paramLabel = "TASK", description = "classification, pair-classification, regression, multi-label, "
            + "token-classification, token-classification-crf, spans, multiple-choice or question-answering")
    String task;

    @Option(names = "--model", paramLabel = "MODEL", description = "the pre-trained model: " + ModelArgument.HELP)
    String model;

    @Option(names = "--train", paramLabel = "FILE", description = "training data")
    String train;

    @Option(names = "--dev", paramLabel = "FILE", description = "dev data (default: a seeded split of the training data, said on the log)")
    String dev;

    @Option(names = {"--output", "--out"}, paramLabel = "DIR", description = "output directory")
    String output;

    @Mixin
    DataFormatOptions data = new DataFormatOptions();

    @Option(names = "--max-length", paramLabel = "N", description = "tokens per input (default 128)")
    Integer maxLength;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training data (default 3)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "examples per batch (default 32)")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "peak learning rate (default 2e-5)")
    String lr;

    @Option(names = "--tapt-steps", paramLabel = "N", description = "task-adaptive MLM pre-training on the training texts first")
    Integer taptSteps;

    @Mixin
    RunFileOptions run = new RunFileOptions();

    @Override
    public Integer call() {
        if (run.listed(FineTuneSchema.TABLE.settings(), System.out)) return 0;
        Map<String, RunValues.Value> options = new LinkedHashMap<>();
        DataFormatOptions.put(options, "--task", "task", task);
        DataFormatOptions.put(options, "--model", "model", model);
        DataFormatOptions.put(options, "--train", "data.train", train);
        DataFormatOptions.put(options, "--dev", "data.dev", dev);
        DataFormatOptions.put(options, "--output", "output.dir", output);
        options.putAll(data.asSettings());
        DataFormatOptions.put(options, "--max-length", "inputs.max_length", text(maxLength));
        DataFormatOptions.put(options, "--epochs", "train.epochs", text(epochs));
        DataFormatOptions.put(options, "--batch-size", "train.batch_size", text(batchSize));
        DataFormatOptions.put(options, "--lr", "optimizer.lr", lr);
        DataFormatOptions.put(options, "--tapt-steps", "tapt.steps", text(taptSteps));
        FineTuneConfig config = FineTuneConfig.from(FineTuneConfig.resolve(run.runFile, options, run.sets));
        RunFileOptions.useThreads(config.train().threads());
        FineTuneRun.Outcome o = FineTuneRun.run(config, run.resume, System.out);
        System.out.println();
        if (o.bestMetrics() != null) {
            System.out.printf(Locale.ROOT, "best:        %s (step %d of %d)%n", o.best(), o.bestStep(), o.totalSteps());
            o.bestMetrics().lines().forEach(System.out::println);
        }
        System.out.println("dev:         " + o.devOrigin());
        System.out.printf(Locale.ROOT, "trained:     %,d examples in %.1f s (%.1f examples/s)%n", o.state().examples(),
                o.state().elapsedSeconds(), o.state().examples() / Math.max(1e-9, o.state().elapsedSeconds()));
        System.out.println("checkpoint:  " + o.lastCheckpoint());
        System.out.println("metrics:     " + o.metrics());
        System.out.println("loss curve:  " + o.lossCurve());
        return 0;
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
