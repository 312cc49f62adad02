package org.bert4j.finetune.task;

/** A single-label prediction: the chosen class id and the softmax probability of every class. */
public record ClassPrediction(int label, double[] probabilities) {

    public double probability() { return probabilities[label]; }

    /** The argmax of {@code logits} (the first of equal maxima) and their softmax, computed stably from the maximum. */
    public static ClassPrediction fromLogits(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int c = 0; c < logits.length; c++) {
            if (logits[c] > max) {
                max = logits[c];
                best = c;
            }
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) sum += p[c] = Math.exp(logits[c] - max);
        for (int c = 0; c < logits.length; c++) p[c] /= sum;
        return new ClassPrediction(best, p);
    }
}
