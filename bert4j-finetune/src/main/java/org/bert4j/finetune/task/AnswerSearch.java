package org.bert4j.finetune.task;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The best answer span of one example over all its windows, as BERT's and HF's QA post-processing finds it: in each
 * window the {@value #N_BEST} highest start scores and the {@value #N_BEST} highest end scores among the window's
 * context tokens (never the question, special tokens or padding), every pair with start ≤ end and at most
 * {@code maxAnswerLength} tokens, ranked by start score + end score. Searching the top starts and ends rather than
 * all pairs keeps it linear in the window; the best pair is almost always among them.
 */
final class AnswerSearch {

    /** Start and end candidates per window (HF's {@code n_best_size}). */
    static final int N_BEST = 20;

    private AnswerSearch() {}

    /**
     * @param outputs per window, its row's (T, 2) start/end scores flattened (T the batch's padded length)
     */
    static AnswerSpan best(String context, List<QaWindow> windows, List<float[]> outputs, int maxAnswerLength) {
        AnswerSpan best = null;
        for (int w = 0; w < windows.size(); w++) {
            QaWindow window = windows.get(w);
            float[] scores = outputs.get(w);
            Integer[] starts = top(scores, window, 0);
            Integer[] ends = top(scores, window, 1);
            for (int s : starts) {
                for (int e : ends) {
                    if (e < s || e - s + 1 > maxAnswerLength) continue;
                    double score = (double) scores[2 * (window.contextOffset() + s)] + scores[2 * (window.contextOffset() + e) + 1];
                    if (best == null || score > best.score()) {
                        best = new AnswerSpan(window.text(context, s, e), window.charStart()[s], window.charEnd()[e], score);
                    }
                }
            }
        }
        if (best == null) throw new IllegalStateException("no window has a context token"); // QaWindow forbids empty windows
        return best;
    }

    /** The window's context tokens (window-relative) with the highest scores of {@code channel} (0 start, 1 end). */
    private static Integer[] top(float[] scores, QaWindow window, int channel) {
        Integer[] tokens = new Integer[window.tokens()];
        Arrays.setAll(tokens, i -> i);
        Arrays.sort(tokens, Comparator.comparingDouble((Integer t) -> scores[2 * (window.contextOffset() + t) + channel]).reversed());
        return Arrays.copyOf(tokens, Math.min(N_BEST, tokens.length));
    }
}
