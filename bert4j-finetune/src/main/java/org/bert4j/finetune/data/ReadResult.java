package org.bert4j.finetune.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** All examples of a file, each with the line it starts on, and the {@link ReadReport} of the read. */
public final class ReadResult<T> {

    private final Path file;
    private final List<T> examples;
    private final List<Long> lines;
    private final ReadReport report;

    ReadResult(Path file, List<T> examples, List<Long> lines, ReadReport report) {
        if (examples.size() != lines.size()) throw new IllegalArgumentException("one line number per example");
        this.file = file;
        this.examples = Collections.unmodifiableList(examples);
        this.lines = Collections.unmodifiableList(lines);
        this.report = report;
    }

    public Path file() { return file; }

    public List<T> examples() { return examples; }

    public int size() { return examples.size(); }

    /** The line where example {@code index} starts (from 1). */
    public long lineOf(int index) { return lines.get(index); }

    public ReadReport report() { return report; }

    /** The same file, lines and report with each example converted by {@code convert}. */
    public <U> ReadResult<U> map(Function<? super T, ? extends U> convert) {
        return new ReadResult<>(file, examples.stream().<U>map(convert).toList(), lines, report);
    }

    /**
     * Without the examples {@code leaveOut} picks, each counted in the report as skipped for {@code reason}: for
     * records that are well formed but carry no usable answer (OCNLI's label "-").
     */
    public ReadResult<T> without(java.util.function.Predicate<? super T> leaveOut, String reason) {
        List<T> kept = new java.util.ArrayList<>(examples.size());
        List<Long> keptLines = new java.util.ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            if (leaveOut.test(examples.get(i))) {
                report.skip(reason);
            } else {
                kept.add(examples.get(i));
                keptLines.add(lines.get(i));
            }
        }
        return new ReadResult<>(file, kept, keptLines, report);
    }

    /** The examples at {@code indexes} (ascending), each with its line: a split of this file. */
    public ReadResult<T> subset(int[] indexes) {
        List<T> picked = new java.util.ArrayList<>(indexes.length);
        List<Long> pickedLines = new java.util.ArrayList<>(indexes.length);
        for (int i : indexes) {
            picked.add(examples.get(i));
            pickedLines.add(lines.get(i));
        }
        return new ReadResult<>(file, picked, pickedLines, report);
    }
}
