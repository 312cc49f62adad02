package org.bert4j.finetune.run;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.nio.file.Path;
import org.bert4j.finetune.data.TagSet;
import org.bert4j.finetune.data.CluenerReader;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.OnBadRecord;
import org.bert4j.finetune.data.SpanAnnotatedText;
import org.bert4j.finetune.head.GlobalPointer;
import org.bert4j.finetune.task.MultipleChoice;
import org.bert4j.finetune.task.ExtractiveQa;
import org.bert4j.finetune.task.SpanExtraction;
import org.bert4j.finetune.data.QaExample;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.Task;
import org.bert4j.finetune.task.TaskKind;
import org.bert4j.finetune.task.TokenClassification;
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
 * {@link LabelSet}'s documented order; for tagging, {@link TagSet}'s with "O" first; for QA the head's start and end
 * outputs), and the dev examples: the dev file, every label checked against the
 * training labels with its file and line, or, without one, a seeded split of the training file (which is said on
 * the log, so nobody mistakes the number for a score on an official dev set).
 *
 * @param devOrigin where the dev examples came from, for the log and the run's summary
 */
public record TaskData<E>(Task<E, ?, ?> task, LabelSet outputNames, ReadResult<E> train, ReadResult<E> dev, String devOrigin,
                          Function<E, SequenceInput> text) {

    public static TaskData<?> load(FineTuneConfig config, PrintStream log) {
        FineTuneConfig.Data d = config.data();
        boolean pair = TaskFiles.pairInput(config.task(), d);
        return switch (config.task()) {
            case CLASSIFICATION, PAIR_CLASSIFICATION -> build(config, TaskFiles.classification(d, pair)::read, log,
                    all -> new SingleLabelClassification(LabelSet.fromTraining(all, SequenceExample::gold), pair),
                    (task, dev) -> ((SingleLabelClassification) task).labels().requireKnown(dev, SequenceExample::gold),
                    SequenceExample::input);
            case REGRESSION -> build(config, TaskFiles.regression(d, pair)::read, log, all -> new Regression(pair), (task, dev) -> { },
                    SequenceExample::input);
            case MULTI_LABEL -> build(config, TaskFiles.multiLabel(d, pair)::read, log,
                    all -> new MultiLabelClassification(multiLabels(all), pair),
                    (task, dev) -> ((MultiLabelClassification) task).labels().requireAllKnown(dev, SequenceExample::gold),
                    SequenceExample::input);
            case TOKEN_CLASSIFICATION, TOKEN_CLASSIFICATION_CRF -> build(config, file -> TaggedFiles.read(file, d), log,
                    all -> new TokenClassification(TagSet.fromTraining(all.examples()), config.task() == TaskKind.TOKEN_CLASSIFICATION_CRF),
                    (task, dev) -> ((TokenClassification) task).tags().requireAllKnown(dev, TaggedSequence::tags),
                    // TAPT and logs see the sentence as its words joined by spaces (BERT tokenizes CJK characters alone anyway)
                    s -> SequenceInput.of(String.join(" ", s.tokens())));
            case SPANS -> build(config, file -> new CluenerReader().readAll(file, d.skipBadLines() ? OnBadRecord.SKIP : OnBadRecord.FAIL), log,
                    all -> new SpanExtraction(spanTypes(all), GlobalPointer.DEFAULT_HEAD_SIZE),
                    (task, dev) -> ((SpanExtraction) task).types().requireAllKnown(dev, t -> t.spans().stream().map(EntitySpan::type).toList()),
                    t -> SequenceInput.of(t.text()));
            // TAPT reads the passage and the question: the options are short and mostly wrong, not text to learn from.
            case MULTIPLE_CHOICE -> build(config, file -> ChoiceFiles.read(file, d), log, all -> new MultipleChoice(), (task, dev) -> { },
                    q -> SequenceInput.of(MultipleChoice.passage(q), q.question()));
            // TAPT reads the contexts: what the model must understand (questions are short and many share one context)
            case QUESTION_ANSWERING -> trainable(build(config, file -> QaFiles.read(file, d), log, all -> new ExtractiveQa(config.qa()),
                    (task, dev) -> { }, q -> SequenceInput.of(q.context())), log);
        };
    }

    /**
     * QA data whose training questions all have an answer at its stated offset: the others stay in a held-out dev
     * split (they are scored by text) but cannot be trained on, and the log counts them.
     */
    private static TaskData<QaExample> trainable(TaskData<QaExample> data, PrintStream log) {
        ReadResult<QaExample> train = QaFiles.trainable(data.train());
        int dropped = data.train().size() - train.size();
        if (dropped > 0) {
            log.printf(Locale.ROOT, "%,d training questions have no answer at its answer_start: left out of training%n", dropped);
        }
        if (train.size() == 0) throw new IllegalArgumentException(data.train().file() + ": no training question has an aligned answer");
        return new TaskData<>(data.task(), data.outputNames(), train, data.dev(), data.devOrigin(), data.text());
    }

    private interface TaskFor<E> {
        Task<E, ?, ?> from(ReadResult<E> training);
    }

    private interface DevCheck<E> {
        void check(Task<E, ?, ?> task, ReadResult<E> dev);
    }

    private static <E> TaskData<E> build(FineTuneConfig config, Function<Path, ReadResult<E>> files, PrintStream log, TaskFor<E> taskFor,
                                         DevCheck<E> devCheck, Function<E, SequenceInput> text) {
        FineTuneConfig.Data d = config.data();
        ReadResult<E> all = files.apply(d.train());
        report(all, log);
        if (all.size() == 0) throw new IllegalArgumentException(d.train() + ": no training examples");
        Task<E, ?, ?> task = taskFor.from(all);
        LabelSet names = outputNames(task);
        if (d.dev() != null) {
            ReadResult<E> dev = files.apply(d.dev());
            report(dev, log);
            if (dev.size() == 0) throw new IllegalArgumentException(d.dev() + ": no dev examples");
            devCheck.check(task, dev);
            return new TaskData<>(task, names, all, dev, d.dev().toString(), text);
        }
        HeldOutSplit split = HeldOutSplit.of(all.size(), d.devFraction(), config.train().seed());
        String origin = String.format(Locale.ROOT, "%,d of the %,d examples of %s held out (data.dev_fraction %s, seed %d)",
                split.heldOut().length, all.size(), d.train().getFileName(), d.devFraction(), config.train().seed());
        log.println("no dev file: " + origin + "; scores are on this split, not on an official dev set");
        return new TaskData<>(task, names, all.subset(split.train()), all.subset(split.heldOut()), origin, text);
    }

    /** The names of the model's outputs, written to {@code labels.json}: classes, tags, or {@code LABEL_0} for a score (an option's too). */
    static LabelSet outputNames(Task<?, ?, ?> task) {
        if (task instanceof SequenceTask<?, ?, ?> s) return s.outputNames();
        if (task instanceof TokenClassification t) return t.tags();
        if (task instanceof SpanExtraction s) return s.types();
        if (task instanceof MultipleChoice c) return c.outputNames();
        if (task instanceof ExtractiveQa q) return q.outputNames();
        throw new IllegalArgumentException("no output names for " + task.kind().cliName());
    }

    private static LabelSet spanTypes(ReadResult<SpanAnnotatedText> training) {
        Set<String> seen = new java.util.TreeSet<>();
        training.examples().forEach(t -> t.spans().forEach(e -> seen.add(e.type())));
        if (seen.isEmpty()) throw new IllegalArgumentException(training.file() + ": no text has any entity");
        return LabelSet.inOrder(List.copyOf(seen));
    }

    private static LabelSet multiLabels(ReadResult<SequenceExample<Set<String>>> training) {
        Set<String> seen = new LinkedHashSet<>();
        training.examples().forEach(e -> seen.addAll(e.gold()));
        if (seen.isEmpty()) throw new IllegalArgumentException(training.file() + ": no example has any label");
        return LabelSet.of(List.copyOf(seen));
    }

    /** The read's summary when anything was left out or is doubtful (a QA answer not at its offset is a warning). */
    private static void report(ReadResult<?> read, PrintStream log) {
        if (!read.report().clean() || read.report().skipped() > 0) log.println(read.report().summary());
    }
}
