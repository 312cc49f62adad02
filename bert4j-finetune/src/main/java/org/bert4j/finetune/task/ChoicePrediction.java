package org.bert4j.finetune.task;

/**
 * A multiple-choice answer: the index of the chosen option, its text, and the softmax probability of every option of
 * the question (as many as it has).
 */
public record ChoicePrediction(int choice, String text, double[] probabilities) {

    public double probability() { return probabilities[choice]; }
}
