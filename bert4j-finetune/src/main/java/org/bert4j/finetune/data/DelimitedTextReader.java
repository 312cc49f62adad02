package org.bert4j.finetune.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Examples from a CSV or TSV file (see {@link DelimitedFormat}), the caller naming which columns hold the text,
 * the second text of a pair, and the label or score. Every record must have as many fields as the header (or,
 * without a header, as the first record): a different count almost always means a delimiter inside a text, and
 * taking the first fields anyway would pair a label with half a sentence. Blank lines are counted as skipped.
 *
 * <pre>{@code
 * DelimitedTextReader.texts(DelimitedFormat.CSV.withHeader(), Column.named("review"), Column.named("label"))
 * DelimitedTextReader.pairs(DelimitedFormat.TSV, Column.at(0), Column.at(1), Column.at(2))   // AFQMC, LCQMC
 * }</pre>
 */
public final class DelimitedTextReader<T> extends ExampleReader<T> {

    /** Builds an example from the values of the chosen columns, in the order they were chosen. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(List<String> values) throws BadRecord;
    }

    private final DelimitedFormat format;
    private final List<Column> columns;
    private final RowMapper<T> mapper;

    private DelimitedTextReader(DelimitedFormat format, List<Column> columns, RowMapper<T> mapper) {
        for (Column column : columns) {
            if (column.byName() && !format.header()) {
                throw new IllegalArgumentException(column + ": a file without a header names its columns by index");
            }
        }
        this.format = format;
        this.columns = List.copyOf(columns);
        this.mapper = mapper;
    }

    /** Single-text classification. */
    public static DelimitedTextReader<TextExample> texts(DelimitedFormat format, Column text, Column label) {
        return new DelimitedTextReader<>(format, List.of(text, label),
                v -> new TextExample(v.get(0), FieldValues.label(v.get(1))));
    }

    /** Text-pair classification (matching, inference). */
    public static DelimitedTextReader<TextPairExample> pairs(DelimitedFormat format, Column textA, Column textB,
                                                             Column label) {
        return new DelimitedTextReader<>(format, List.of(textA, textB, label),
                v -> new TextPairExample(v.get(0), v.get(1), FieldValues.label(v.get(2))));
    }

    /** Single-text regression (a score per text). */
    public static DelimitedTextReader<ScoredText> scoredTexts(DelimitedFormat format, Column text, Column score) {
        return new DelimitedTextReader<>(format, List.of(text, score),
                v -> new ScoredText(v.get(0), FieldValues.score(v.get(1))));
    }

    /** Text-pair regression (similarity scores). */
    public static DelimitedTextReader<ScoredTextPair> scoredPairs(DelimitedFormat format, Column textA, Column textB,
                                                                  Column score) {
        return new DelimitedTextReader<>(format, List.of(textA, textB, score),
                v -> new ScoredTextPair(v.get(0), v.get(1), FieldValues.score(v.get(2))));
    }

    /** Multi-label classification: the labels column lists labels joined by {@code separator}; empty = none. */
    public static DelimitedTextReader<MultiLabelExample> multiLabel(DelimitedFormat format, Column text, Column labels,
                                                                    String separator) {
        if (separator.isEmpty()) throw new IllegalArgumentException("empty label separator");
        if (separator.indexOf(format.delimiter()) >= 0) {
            throw new IllegalArgumentException("the label separator cannot contain the column delimiter");
        }
        return new DelimitedTextReader<>(format, List.of(text, labels),
                v -> new MultiLabelExample(v.get(0), FieldValues.labels(v.get(1), separator)));
    }

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<T> sink) throws IOException {
        try (LineSource lines = new LineSource(file)) {
            DelimitedRecords records = new DelimitedRecords(lines, format);
            int[] indexes = null;
            int width = -1;
            long widthLine = 1;
            if (format.header()) {
                DelimitedRecords.Row header = records.next();
                if (header == null) return;
                if (header.error() != null) throw report.fatal(header.line(), "header: " + header.error());
                width = header.fields().size();
                widthLine = header.line();
                indexes = resolve(header, report);
            }
            for (DelimitedRecords.Row row; (row = records.next()) != null; ) {
                if (row.blank()) {
                    report.skip("blank line");
                    continue;
                }
                if (indexes == null) {
                    width = row.fields().size();
                    widthLine = row.line();
                    indexes = resolve(row, report);
                }
                if (row.error() != null) {
                    report.reject(row.line(), row.error());
                } else if (row.fields().size() != width) {
                    report.reject(row.line(), "wrong column count: expected " + width + " (as on line " + widthLine
                            + ") but found " + row.fields().size());
                } else {
                    deliver(row, indexes, report, sink);
                }
            }
        }
    }

    private void deliver(DelimitedRecords.Row row, int[] indexes, ReadReport report, ExampleSink<T> sink) {
        List<String> values = new ArrayList<>(indexes.length);
        for (int index : indexes) values.add(row.fields().get(index));
        T example;
        try {
            example = mapper.map(values);
        } catch (BadRecord e) {
            report.reject(e.lineOr(row.line()), e.getMessage());
            return;
        }
        sink.accept(example, row.line());
    }

    /** Indexes of the chosen columns in {@code first} (the header, or the first record of a headerless file). */
    private int[] resolve(DelimitedRecords.Row first, ReadReport report) {
        List<String> names = first.fields().stream().map(String::strip).toList();
        int[] indexes = new int[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            Column column = columns.get(i);
            if (column.byName()) {
                int at = names.indexOf(column.name());
                if (at < 0) throw report.fatal(first.line(), "no " + column + " in the header " + names);
                if (names.lastIndexOf(column.name()) != at) {
                    throw report.fatal(first.line(), column + " appears twice in the header " + names);
                }
                indexes[i] = at;
            } else {
                if (column.index() >= names.size()) {
                    throw report.fatal(first.line(), "no " + column + ": the line has " + names.size() + " columns");
                }
                indexes[i] = column.index();
            }
        }
        return indexes;
    }
}
