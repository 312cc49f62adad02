package org.bert4j.finetune.data;

import java.nio.file.Path;

/**
 * Something wrong with one record of a data file. {@code line} counts from 1; for a record spread over several
 * lines (a CSV field with line breaks, a CoNLL sentence, a pretty-printed JSON object) it is the line where the
 * record starts, unless the fault could be pinned to a later line.
 */
public record DataProblem(Path file, long line, String message) {

    @Override
    public String toString() { return file + ":" + line + ": " + message; }
}
