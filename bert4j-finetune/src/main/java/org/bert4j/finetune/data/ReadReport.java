package org.bert4j.finetune.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened while reading one file: how many examples came out, what was skipped on purpose (with the reason
 * counted: a "-" gold label, a blank line, a {@code -DOCSTART-} marker), which malformed records were left out
 * under {@link OnBadRecord#SKIP}, and warnings about records kept despite a fault (a QA answer not found at its
 * offset). Every line of the file is thus either an example, counted as skipped, or listed as a problem.
 */
public final class ReadReport {

    private static final int PRINTED_PROBLEMS = 20;

    private final Path file;
    private final OnBadRecord onBadRecord;
    private long examples;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final List<DataProblem> problems = new ArrayList<>();
    private final List<DataProblem> warnings = new ArrayList<>();

    ReadReport(Path file, OnBadRecord onBadRecord) {
        this.file = file;
        this.onBadRecord = onBadRecord;
    }

    public Path file() { return file; }

    /** Examples delivered. */
    public long examples() { return examples; }

    /** Records left out on purpose, by reason; not errors. */
    public Map<String, Long> skippedByReason() { return Collections.unmodifiableMap(skipped); }

    public long skipped() { return skipped.values().stream().mapToLong(Long::longValue).sum(); }

    /** Malformed records left out under {@link OnBadRecord#SKIP} (under {@link OnBadRecord#FAIL} the first one throws). */
    public List<DataProblem> problems() { return Collections.unmodifiableList(problems); }

    /** Faults in records that were kept, such as an answer whose offset does not point at its text. */
    public List<DataProblem> warnings() { return Collections.unmodifiableList(warnings); }

    /** No malformed record and no warning. */
    public boolean clean() { return problems.isEmpty() && warnings.isEmpty(); }

    /** One line of counts, then the problems and warnings one a line (the first 20 of each). */
    public String summary() {
        StringBuilder out = new StringBuilder().append(file).append(": ").append(examples).append(" examples");
        if (!skipped.isEmpty()) out.append(", skipped ").append(skipped()).append(' ').append(skipped);
        out.append(", ").append(problems.size()).append(" malformed records skipped, ")
                .append(warnings.size()).append(" warnings");
        appendList(out, "malformed", problems);
        appendList(out, "warning", warnings);
        return out.toString();
    }

    private static void appendList(StringBuilder out, String kind, List<DataProblem> list) {
        for (int i = 0; i < Math.min(list.size(), PRINTED_PROBLEMS); i++) {
            out.append('\n').append("  ").append(kind).append(": ").append(list.get(i));
        }
        if (list.size() > PRINTED_PROBLEMS) out.append("\n  ... ").append(list.size() - PRINTED_PROBLEMS).append(" more");
    }

    @Override
    public String toString() { return summary(); }

    void countExample() { examples++; }

    void skip(String reason) { skipped.merge(reason, 1L, Long::sum); }

    /** A malformed record: throws under {@link OnBadRecord#FAIL}, else notes it for the caller. */
    void reject(long line, String reason) {
        DataProblem problem = new DataProblem(file, line, reason);
        if (onBadRecord == OnBadRecord.FAIL) throw new MalformedDataException(problem);
        problems.add(problem);
    }

    /** A fault that no skipping can get past (the file is not in the format at all, or its syntax breaks off). */
    MalformedDataException fatal(long line, String reason) {
        return new MalformedDataException(file, line, reason);
    }

    void warn(long line, String message) { warnings.add(new DataProblem(file, line, message)); }
}
