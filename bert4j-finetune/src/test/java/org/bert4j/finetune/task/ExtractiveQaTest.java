package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.bert4j.finetune.data.QaAnswer;
import org.bert4j.finetune.data.QaExample;
import org.junit.jupiter.api.Test;

/**
 * The QA task's arithmetic on hand-made windows: the loss is (CE(start) + CE(end)) / 2 over each row's real
 * positions, averaged over the batch; the answer search takes the best start + end pair among context tokens only,
 * end not before start and no longer than the limit, across windows; the metrics are the official EM and F1.
 */
class ExtractiveQaTest {

    private static final String CONTEXT = "abcdefghij";

    /** A window over context characters from {@code first} (one token per character) in a row of {@code length}. */
    private static QaWindow window(int length, int contextOffset, int first, int tokens) {
        int[] starts = new int[tokens];
        int[] ends = new int[tokens];
        for (int t = 0; t < tokens; t++) {
            starts[t] = first + t;
            ends[t] = first + t + 1;
        }
        return new QaWindow(new EncodedText(new long[length], new long[length]), contextOffset, first, starts, ends);
    }

    @Test
    void lossIsTheMeanOfStartAndEndCrossEntropyOverRealPositions() {
        List<Feature<QaTarget>> batch = List.of(
                Feature.single(0, window(5, 2, 0, 2).row(), new QaTarget(window(5, 2, 0, 2), 2, 3)),
                Feature.single(1, window(3, 1, 0, 1).row(), new QaTarget(window(3, 1, 0, 1), 0, 0)));
        int length = 5;
        float[] scores = new float[2 * length * 2];
        Random random = new Random(7);
        for (int i = 0; i < scores.length; i++) scores[i] = (float) random.nextGaussian() * 2;
        int[][] gold = {{2, 3}, {0, 0}};
        int[] real = {5, 3};
        double expected = 0;
        for (int b = 0; b < 2; b++) {
            for (int channel = 0; channel < 2; channel++) {
                double sum = 0;
                for (int p = 0; p < real[b]; p++) sum += Math.exp(scores[(b * length + p) * 2 + channel]);
                expected += -(scores[(b * length + gold[b][channel]) * 2 + channel] - Math.log(sum)) / 2;
            }
        }
        expected /= 2;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray outputs = m.create(scores, new Shape(2, length, 2));
            double loss = new ExtractiveQa(QaSettings.DEFAULTS).loss(outputs, batch).getFloat();
            assertEquals(expected, loss, 1e-5);
        }
    }

    /**
     * Two windows over "abcdefghij" after a 2-token question: the question's positions score highest of all (never
     * an answer), a longer span scores higher than the limit allows, an end before its start too; the answer is the
     * best allowed pair, found in the second window.
     */
    @Test
    void searchTakesTheBestAllowedSpanOfContextTokensAcrossWindows() {
        QaWindow first = window(9, 3, 0, 5);   // [CLS] q q a b c d e [SEP]: context tokens a..e at row positions 3..7
        QaWindow second = window(9, 3, 4, 5);  // [CLS] q q e f g h i [SEP]: context tokens e..i at row positions 3..7
        float[] a = new float[9 * 2];
        float[] b = new float[9 * 2];
        a[2 * 1] = 50;                          // a question token: a huge start and end score, ignored
        a[2 * 1 + 1] = 50;
        a[2 * 3] = 3;                           // start at "a"
        a[2 * 5 + 1] = 3;                       // end at "c": "abc" scores 6 in the first window
        for (int p = 0; p < 9; p++) b[2 * p] = -10;
        b[2 * 4] = 5;                           // start at "f"
        b[2 * 5 + 1] = 4;                       // end at "g": "fg" scores 9, the best allowed
        b[2 * 7 + 1] = 6;                       // end at "i": "fghi" would score 11 but is 4 tokens > 3
        b[2 * 3 + 1] = 14;                      // end at "e": with start "f" 19, but it ends before it starts
        AnswerSpan best = AnswerSearch.best(CONTEXT, List.of(first, second), List.of(a, b), 3);
        assertEquals(new AnswerSpan("fg", 5, 7, 9.0), best);
    }

    @Test
    void metricsAreOfficialF1AndExactMatchHeadlineFirst() {
        ExtractiveQa task = new ExtractiveQa(QaSettings.DEFAULTS);
        List<QaExample> examples = List.of(
                new QaExample("1", null, "北京是中国的首都", "首都是哪里？", List.of(new QaAnswer("北京", 0))),
                new QaExample("2", null, "Paris is the capital of France", "Capital?", List.of(new QaAnswer("Paris", 0))));
        List<AnswerSpan> predictions = List.of(new AnswerSpan("北京是", 0, 3, 1), new AnswerSpan("Paris", 0, 5, 1));
        var metrics = task.score(examples, predictions);
        assertEquals(List.of("f1", "exact_match"), List.copyOf(metrics.values().keySet()));
        assertEquals(task.metricNames(), List.copyOf(metrics.values().keySet()));
        assertEquals((0.8 + 1.0) / 2, metrics.get("f1"), 1e-9); // CMRC's character F1 for 北京 in 北京是: P 2/3, R 1
        assertEquals(0.5, metrics.get("exact_match"), 1e-9);
    }
}
