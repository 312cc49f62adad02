package org.bert4j.train.data.corpus;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The default problem listener: prints {@code file:line: reason (skipped)} and counts. After {@code maxPrinted}
 * lines it says once that it stops printing, and only counts, so a corpus with a million bad lines does not bury
 * the log; the total is in the corpus statistics either way.
 */
public final class CorpusProblemLog implements Consumer<CorpusProblem> {

    private final PrintStream out;
    private final long maxPrinted;
    private long count;

    public CorpusProblemLog(PrintStream out, long maxPrinted) {
        this.out = out;
        this.maxPrinted = maxPrinted;
    }

    public static CorpusProblemLog onStderr() { return new CorpusProblemLog(System.err, 1000); }

    @Override
    public synchronized void accept(CorpusProblem problem) {
        count++;
        if (count <= maxPrinted) out.println(problem + " (skipped)");
        if (count == maxPrinted + 1) out.println("... more unreadable lines: counting them, no longer printing each one");
    }

    public synchronized long count() { return count; }
}
