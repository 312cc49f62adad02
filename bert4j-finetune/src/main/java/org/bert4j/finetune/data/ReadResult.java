package org.bert4j.finetune.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

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
}
