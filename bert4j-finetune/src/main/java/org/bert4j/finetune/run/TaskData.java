package org.bert4j.finetune.run;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.task.MultiLabelClassification;
import org.bert4j.finetune.task.Regression;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.task.SingleLabelClassification;
import org.bert4j.train.data.HeldOutSplit;

/**
 * A run's examples and the task they define: the training file read, the label set taken from it (in
 * {@link LabelSet}'s documented order), and the dev examples: the dev file, every label checked against the
 * training labels with its file and line, or, without one, a seeded split of the training file (which is said on
 * the log, so nobody mistakes the number for a score on an official dev set).
 *
 * @param devOrigin where the dev examples came from, for the log and the run's summary
 */
public record TaskData<G>(SequenceTask<G, ?, ?> task, ReadResult<SequenceExample<G>> train,
                          ReadResult<SequenceExample<G>> dev, String devOrigin) {

    public static TaskData<?> load(FineTuneConfig config, PrintStream log) {
        FineTuneConfig.Data d = config.data();
        boolean pair = TaskFiles.pairInput(config.task(), d);
        return switch (config.task()) {
            case CLASSIFICATION, PAIR_CLASSIFICATION -> build(config, TaskFiles.classification(d, pair), log,
                    all -> new SingleLabelClassification(LabelSet.fromTraining(all, SequenceExample::gold), pair),
                    (task, dev) -> ((SingleLabelClassification) task).labels().requireKnown(dev, SequenceExample::gold));
            case REGRESSION -> build(config, TaskFiles.regression(d, pair), log, all -> new Regression(pair), (task, dev) -> { });
            case MULTI_LABEL -> build(config, TaskFiles.multiLabel(d, pair), log,
                    all -> new MultiLabelClassification(multiLabels(all), pair),
                    (task, dev) -> ((MultiLabelClassification) task).labels().requireAllKnown(dev, SequenceExample::gold));
        };
    }

    private interface TaskFor<G> {
        SequenceTask<G, ?, ?> from(ReadResult<SequenceExample<G>> training);
    }

    private interface DevCheck<G> {
        void check(SequenceTask<G, ?, ?> task, ReadResult<SequenceExample<G>> dev);
    }

    private static <G> TaskData<G> build(FineTuneConfig config, TaskFiles<G> files, PrintStream log, TaskFor<G> taskFor,
                                         DevCheck<G> devCheck) {
        FineTuneConfig.Data d = config.data();
        ReadResult<SequenceExample<G>> all = files.read(d.train());
        report(all, log);
        if (all.size() == 0) throw new IllegalArgumentException(d.train() + ": no training examples");
        SequenceTask<G, ?, ?> task = taskFor.from(all);
        if (d.dev() != null) {
            ReadResult<SequenceExample<G>> dev = files.read(d.dev());
            report(dev, log);
            if (dev.size() == 0) throw new IllegalArgumentException(d.dev() + ": no dev examples");
            devCheck.check(task, dev);
            return new TaskData<>(task, all, dev, d.dev().toString());
        }
        HeldOutSplit split = HeldOutSplit.of(all.size(), d.devFraction(), config.train().seed());
        String origin = String.format(Locale.ROOT, "%,d of the %,d examples of %s held out (data.dev_fraction %s, seed %d)",
                split.heldOut().length, all.size(), d.train().getFileName(), d.devFraction(), config.train().seed());
        log.println("no dev file: " + origin + "; scores are on this split, not on an official dev set");
        return new TaskData<>(task, all.subset(split.train()), all.subset(split.heldOut()), origin);
    }

    private static LabelSet multiLabels(ReadResult<SequenceExample<Set<String>>> training) {
        Set<String> seen = new LinkedHashSet<>();
        training.examples().forEach(e -> seen.addAll(e.gold()));
        if (seen.isEmpty()) throw new IllegalArgumentException(training.file() + ": no example has any label");
        return LabelSet.of(List.copyOf(seen));
    }

    private static void report(ReadResult<?> read, PrintStream log) {
        if (!read.report().problems().isEmpty() || read.report().skipped() > 0) log.println(read.report().summary());
    }
}
