package org.bert4j.train.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress display for long jobs (tokenising a corpus, training): done/total, rate, ETA and a free
 * text (loss, tokens/s). On a terminal it redraws in place with {@code \r}; elsewhere (CI logs, files) it prints
 * a full line at most every {@code logIntervalMillis}, so logs stay readable.
 */
public final class ProgressBar {

    private static final int WIDTH = 24;

    private final String label;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean inPlace;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long done;
    private boolean finished;

    /**
     * @param total 0 or less when unknown (no bar, no ETA)
     * @param unit  what is counted ("docs", "steps")
     */
    public ProgressBar(String label, long total, String unit, PrintStream out, boolean inPlace, long logIntervalMillis) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.inPlace = inPlace;
        this.intervalNanos = logIntervalMillis * 1_000_000L;
        this.lastDrawNanos = startNanos;
    }

    /** In place on a console, one line every 10 s otherwise. */
    public static ProgressBar onStderr(String label, long total, String unit) {
        boolean console = System.console() != null;
        return new ProgressBar(label, total, unit, System.err, console, console ? 250 : 10_000);
    }

    /** Records progress; draws when the interval has passed. {@code detail} may be empty. */
    public void update(long done, String detail) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastDrawNanos < intervalNanos) return;
        lastDrawNanos = now;
        draw(detail, false);
    }

    /** Draws the final state and ends the line. */
    public void finish(String detail) {
        if (finished) return;
        finished = true;
        draw(detail, true);
    }

    public String render(String detail) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
            sb.append(done).append('/').append(total).append(' ').append(unit);
        } else {
            sb.append(done).append(' ').append(unit);
        }
        sb.append(String.format(Locale.ROOT, " %.1f %s/s", rate, unit));
        sb.append(" elapsed ").append(format(Duration.ofMillis((long) (seconds * 1000))));
        if (total > 0 && rate > 0 && done < total) {
            sb.append(" eta ").append(format(Duration.ofMillis((long) ((total - done) / rate * 1000))));
        }
        if (detail != null && !detail.isEmpty()) sb.append(" | ").append(detail);
        return sb.toString();
    }

    private void draw(String detail, boolean last) {
        String line = render(detail);
        if (inPlace) {
            out.print("\r" + line + "\u001b[K");
            if (last) out.println();
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
