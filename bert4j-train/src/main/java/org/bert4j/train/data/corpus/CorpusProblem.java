package org.bert4j.train.data.corpus;

import java.nio.file.Path;

/** A line that could not be read and was skipped. {@code line} counts from 1. */
public record CorpusProblem(Path file, long line, String reason) {

    @Override
    public String toString() { return file + ":" + line + ": " + reason; }
}
