package org.bert4j.finetune.task;

/** A single-label prediction: the chosen class id and the softmax probability of every class. */
public record ClassPrediction(int label, double[] probabilities) {

    public double probability() { return probabilities[label]; }
}
