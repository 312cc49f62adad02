package org.bert4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bert4j.finetune.run.SavedModelEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scores a fine-tuned model on a labelled file: one {@code name: value} line per metric, then the task's breakdown. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a fine-tuned model on labelled data: prints each metric as 'name: value', then the confusion "
                + "matrix and per-class scores for classification, the per-type entity scores for token classification, the "
                + "accuracy per number of options beside chance for multiple choice; a QA model reads SQuAD JSON and prints f1 and "
                + "exact_match (CMRC 2018's rules for Chinese answers, SQuAD's otherwise).")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "a fine-tuned model directory (e.g. OUTPUT/best)")
    String model;

    @Parameters(index = "1", paramLabel = "DATA", description = "labelled data, read as finetune reads it")
    Path dataFile;

    @Mixin
    DataFormatOptions data = new DataFormatOptions();

    @Option(names = "--max-length", paramLabel = "N", description = "tokens per input (default: the length it was fine-tuned with)")
    int maxLength;

    @Option(names = "--batch-size", paramLabel = "N", description = "examples per batch at most (default 64; fewer when rows are long)")
    int batchSize = 64;

    @Override
    public Integer call() {
        SavedModelEvaluation.Report r = SavedModelEvaluation.evaluate(ModelArgument.directory(model), dataFile, data.forFile(dataFile),
                maxLength, batchSize);
        System.out.println("examples: " + r.examples());
        r.metrics().lines().forEach(System.out::println);
        System.out.println(String.format(Locale.ROOT, "loss: %.4f", r.loss()));
        if (!r.details().isEmpty()) System.out.println("\n" + r.details());
        return 0;
    }
}
