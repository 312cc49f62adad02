package org.bert4j.finetune.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the examples of one task-data file. Each subclass knows one format; this class fixes what all of them do
 * alike: examples stream to a sink one at a time (or are collected by {@link #readAll}), each with its line;
 * malformed records follow the {@link OnBadRecord} policy; I/O failures end the read naming the file. Readers are
 * immutable and may be reused for several files.
 */
public abstract class ExampleReader<T> {

    ExampleReader() {} // the formats live in this package

    /** Streams the examples of {@code file} to {@code sink}; returns what happened. */
    public final ReadReport read(Path file, OnBadRecord onBadRecord, ExampleSink<? super T> sink) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(onBadRecord, "onBadRecord");
        Objects.requireNonNull(sink, "sink");
        ReadReport report = new ReadReport(file, onBadRecord);
        try {
            readFile(file, report, (example, line) -> {
                report.countExample();
                sink.accept(example, line);
            });
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        return report;
    }

    /** All examples of {@code file}; the first malformed record throws. */
    public final ReadResult<T> readAll(Path file) {
        return readAll(file, OnBadRecord.FAIL);
    }

    public final ReadResult<T> readAll(Path file, OnBadRecord onBadRecord) {
        List<T> examples = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        ReadReport report = read(file, onBadRecord, (example, line) -> {
            examples.add(example);
            lines.add(line);
        });
        return new ReadResult<>(file, examples, lines, report);
    }

    /** Delivers every good record to {@code sink} and every malformed one to {@link ReadReport#reject}. */
    abstract void readFile(Path file, ReadReport report, ExampleSink<T> sink) throws IOException;
}
