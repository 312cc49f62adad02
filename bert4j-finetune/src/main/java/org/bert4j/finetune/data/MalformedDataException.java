package org.bert4j.finetune.data;

import java.nio.file.Path;

/**
 * A data file that cannot be read as its format says, with the file and line in the message so that the fix
 * starts at the right place. Unchecked because readers deliver examples through callbacks and streams, where a
 * checked exception would have to be wrapped anyway.
 */
public final class MalformedDataException extends RuntimeException {

    private final transient DataProblem problem;

    public MalformedDataException(Path file, long line, String message) {
        this(new DataProblem(file, line, message));
    }

    public MalformedDataException(DataProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public DataProblem problem() { return problem; }

    public Path file() { return problem.file(); }

    public long line() { return problem.line(); }
}
