package org.bert4j.finetune.train;

import java.util.Locale;

/**
 * Keeps the best dev score and stops training once {@code patience} evaluations in a row have not beaten it.
 * "Beaten" means strictly better, so a plateau counts as no progress; a NaN score (a correlation of constant
 * predictions) never beats anything. Patience 0 never stops: the best is still tracked, for {@code best/}.
 *
 * <p>The state is four numbers so that a resumed run stops at the same evaluation an uninterrupted one would.
 *
 * @param metric         the metric judged, as the task names it ({@code accuracy}, {@code spearman}, {@code loss})
 * @param higherIsBetter false for losses and errors
 * @param patience       evaluations without improvement that end the run; 0 = never
 */
public record EarlyStopping(String metric, boolean higherIsBetter, int patience, State state) {

    /** @param best NaN before the first evaluation; @param bestStep -1 then */
    public record State(double best, long bestStep, int evaluationsWithoutImprovement) {
        public static final State START = new State(Double.NaN, -1, 0);
    }

    /** What one evaluation meant. */
    public enum Verdict {
        /** A new best: keep this model. */
        IMPROVED,
        /** Not better, patience left. */
        NO_IMPROVEMENT,
        /** Not better, and patience is used up: stop. */
        STOP
    }

    public EarlyStopping {
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }

    public static EarlyStopping start(String metric, int patience) {
        return new EarlyStopping(metric, higherIsBetter(metric), patience, State.START);
    }

    /** Losses and errors are minimised, scores maximised. */
    public static boolean higherIsBetter(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return !(m.contains("loss") || m.equals("mse") || m.equals("mae") || m.contains("error"));
    }

    /** The tracker after an evaluation at {@code step} that scored {@code value}, and its verdict. */
    public Outcome record(long step, double value) {
        boolean better = !Double.isNaN(value)
                && (Double.isNaN(state.best()) || (higherIsBetter ? value > state.best() : value < state.best()));
        if (better) return new Outcome(new EarlyStopping(metric, higherIsBetter, patience, new State(value, step, 0)), Verdict.IMPROVED);
        int without = state.evaluationsWithoutImprovement() + 1;
        EarlyStopping next = new EarlyStopping(metric, higherIsBetter, patience, new State(state.best(), state.bestStep(), without));
        return new Outcome(next, patience > 0 && without >= patience ? Verdict.STOP : Verdict.NO_IMPROVEMENT);
    }

    public record Outcome(EarlyStopping tracker, Verdict verdict) {}
}
