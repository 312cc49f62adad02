package org.bert4j.finetune.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.bert4j.finetune.data.Column;
import org.bert4j.finetune.data.DelimitedFormat;
import org.bert4j.finetune.data.DelimitedTextReader;
import org.bert4j.finetune.data.JsonLinesReader;
import org.bert4j.finetune.data.OnBadRecord;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.task.SequenceExample;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.task.TaskKind;

/**
 * How a task's data files are read: the format (TSV, CSV, JSON lines; by extension when {@code auto}), the columns
 * or fields holding the text, the pair's second text and the gold answer, with defaults that fit the common
 * files: {@code text<TAB>label}, {@code s1<TAB>s2<TAB>label}, JSON lines with {@code text} or
 * {@code sentence1}/{@code sentence2} and {@code label}. A column given by name implies a header line.
 *
 * @param <G> the gold answer: a label (classification), a score (regression), a set of labels (multi-label)
 */
public final class TaskFiles<G> {

    /** Reads a file in one format with the resolved columns or fields (pair null = single texts). */
    private interface ReaderFactory<G> {
        ReadResult<SequenceExample<G>> delimited(Path file, OnBadRecord policy, DelimitedFormat format, Column text,
                                                 Column pair, Column gold);

        ReadResult<SequenceExample<G>> jsonLines(Path file, OnBadRecord policy, String text, String pair, String gold);
    }

    private final FineTuneConfig.Data settings;
    private final boolean pair;
    private final ReaderFactory<G> readers;

    private TaskFiles(FineTuneConfig.Data settings, boolean pair, ReaderFactory<G> readers) {
        this.settings = settings;
        this.pair = pair;
        this.readers = readers;
    }

    /** Whether the settings make pair inputs: the pair task, or any task given a second text column. */
    public static boolean pairInput(TaskKind kind, FineTuneConfig.Data settings) {
        return kind == TaskKind.PAIR_CLASSIFICATION || !settings.pairColumn().isEmpty();
    }

    public static TaskFiles<String> classification(FineTuneConfig.Data settings, boolean pair) {
        return new TaskFiles<>(settings, pair, new ReaderFactory<>() {
            @Override
            public ReadResult<SequenceExample<String>> delimited(Path file, OnBadRecord policy, DelimitedFormat f, Column text,
                                                                 Column second, Column gold) {
                return second == null
                        ? mapped(DelimitedTextReader.texts(f, text, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.text()), e.label()))
                        : mapped(DelimitedTextReader.pairs(f, text, second, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.textA(), e.textB()), e.label()));
            }

            @Override
            public ReadResult<SequenceExample<String>> jsonLines(Path file, OnBadRecord policy, String text, String second,
                                                                 String gold) {
                return second == null
                        ? mapped(JsonLinesReader.texts(text, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.text()), e.label()))
                        : mapped(JsonLinesReader.pairs(text, second, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.textA(), e.textB()), e.label()));
            }
        });
    }

    public static TaskFiles<Double> regression(FineTuneConfig.Data settings, boolean pair) {
        return new TaskFiles<>(settings, pair, new ReaderFactory<>() {
            @Override
            public ReadResult<SequenceExample<Double>> delimited(Path file, OnBadRecord policy, DelimitedFormat f, Column text,
                                                                 Column second, Column gold) {
                return second == null
                        ? mapped(DelimitedTextReader.scoredTexts(f, text, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.text()), e.score()))
                        : mapped(DelimitedTextReader.scoredPairs(f, text, second, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.textA(), e.textB()), e.score()));
            }

            @Override
            public ReadResult<SequenceExample<Double>> jsonLines(Path file, OnBadRecord policy, String text, String second,
                                                                 String gold) {
                return second == null
                        ? mapped(JsonLinesReader.scoredTexts(text, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.text()), e.score()))
                        : mapped(JsonLinesReader.scoredPairs(text, second, gold).readAll(file, policy),
                                e -> new SequenceExample<>(SequenceInput.of(e.textA(), e.textB()), e.score()));
            }
        });
    }

    public static TaskFiles<Set<String>> multiLabel(FineTuneConfig.Data settings, boolean pair) {
        if (pair) throw new IllegalArgumentException("multi-label classification reads single texts (no text pair column)");
        return new TaskFiles<>(settings, false, new ReaderFactory<>() {
            @Override
            public ReadResult<SequenceExample<Set<String>>> delimited(Path file, OnBadRecord policy, DelimitedFormat f,
                                                                      Column text, Column second, Column gold) {
                return mapped(DelimitedTextReader.multiLabel(f, text, gold, settings.labelSeparator()).readAll(file, policy),
                        e -> new SequenceExample<>(SequenceInput.of(e.text()), e.labels()));
            }

            @Override
            public ReadResult<SequenceExample<Set<String>>> jsonLines(Path file, OnBadRecord policy, String text, String second,
                                                                 String gold) {
                return mapped(JsonLinesReader.multiLabel(text, gold).readAll(file, policy),
                        e -> new SequenceExample<>(SequenceInput.of(e.text()), e.labels()));
            }
        });
    }

    /**
     * The reader for a loaded model's task (its kind decides the gold type G, which the cast states: the kinds
     * and the factories above correspond one to one).
     */
    @SuppressWarnings("unchecked")
    public static <G> TaskFiles<G> forTask(SequenceTask<G, ?, ?> task, FineTuneConfig.Data settings) {
        return (TaskFiles<G>) switch (task.kind()) {
            case CLASSIFICATION, PAIR_CLASSIFICATION -> classification(settings, task.pairInput());
            case REGRESSION -> regression(settings, task.pairInput());
            case MULTI_LABEL -> multiLabel(settings, task.pairInput());
            case TOKEN_CLASSIFICATION, TOKEN_CLASSIFICATION_CRF, SPANS, MULTIPLE_CHOICE, QUESTION_ANSWERING ->
                    throw new IllegalArgumentException("tagged, span, C3 and QA files are read by TaggedFiles, CluenerReader, ChoiceFiles and QaFiles");
        };
    }

    public boolean pair() { return pair; }

    /** Reads {@code file}; malformed lines stop the read with file:line unless the settings skip them. */
    public ReadResult<SequenceExample<G>> read(Path file) {
        ReadResult<SequenceExample<G>> read = readAll(file);
        String none = settings.noLabel();
        return none.isEmpty() ? read : read.without(e -> none.equals(e.gold()), "label '" + none + "' (no gold label)");
    }

    private ReadResult<SequenceExample<G>> readAll(Path file) {
        OnBadRecord policy = settings.skipBadLines() ? OnBadRecord.SKIP : OnBadRecord.FAIL;
        String format = format(file);
        if (format.equals("jsonl")) {
            String text = or(settings.textColumn(), pair ? "sentence1" : "text");
            String second = pair ? or(settings.pairColumn(), "sentence2") : null;
            return readers.jsonLines(file, policy, text, second, or(settings.labelColumn(), "label"));
        }
        Column text = column(or(settings.textColumn(), "0"));
        Column second = pair ? column(or(settings.pairColumn(), "1")) : null;
        Column gold = column(or(settings.labelColumn(), pair ? "2" : "1"));
        boolean header = switch (settings.header()) {
            case "true" -> true;
            case "false" -> false;
            default -> text.byName() || gold.byName() || (second != null && second.byName());
        };
        DelimitedFormat base = format.equals("csv") ? DelimitedFormat.CSV : DelimitedFormat.TSV;
        return readers.delimited(file, policy, header ? base.withHeader() : base, text, second, gold);
    }

    /** tsv, csv or jsonl: as set, or by the file's extension. */
    String format(Path file) {
        if (List.of("conll", "weibo_conll", "bmes_lines").contains(settings.format())) {
            throw new IllegalArgumentException(file + ": " + settings.format() + " is a token-classification format; "
                    + "this task reads tsv, csv or jsonl");
        }
        if (!settings.format().equals("auto")) return settings.format();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return "csv";
        if (name.endsWith(".json") || name.endsWith(".jsonl")) return "jsonl";
        return "tsv";
    }

    private static Column column(String spec) {
        return spec.chars().allMatch(Character::isDigit) ? Column.at(Integer.parseInt(spec)) : Column.named(spec);
    }

    private static String or(String given, String fallback) {
        return given.isEmpty() ? fallback : given;
    }

    private static <A, G> ReadResult<SequenceExample<G>> mapped(ReadResult<A> read, Function<A, SequenceExample<G>> convert) {
        return read.map(convert);
    }
}
