package org.bert4j.config;

/** The position-wise sub-layer after attention. */
public sealed interface FeedForward {

    /** W2·act(W1·x + b1) + b2 (biases when {@code bias}). */
    record Dense(int intermediateSize, Activation activation, boolean bias) implements FeedForward {}

    /** GLU: W2·(act(W1·x) ⊙ W3·x). */
    record Gated(int intermediateSize, Activation activation, boolean bias) implements FeedForward {}

    /** No FFN (GAU layers fold it into the mixer). */
    record None() implements FeedForward {}
}
