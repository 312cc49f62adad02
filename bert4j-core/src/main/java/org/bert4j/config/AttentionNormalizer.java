package org.bert4j.config;

/** Turns attention scores into weights (MODELS.md, GAU-α). */
public sealed interface AttentionNormalizer {

    /** Plain softmax over the unmasked keys. */
    record Softmax() implements AttentionNormalizer {}

    /**
     * softmax(a · log(n)/log(trainLength)) with n = max(unmasked keys in the row, minKeys): entropy-invariant
     * scaling so a model trained at {@code trainLength} (512) keeps its attention sharpness at other lengths.
     */
    record SoftmaxPlus(int trainLength, int minKeys) implements AttentionNormalizer {}

    /** relu(a)² / n with n the number of unmasked keys: the FLASH paper's normaliser. */
    record SquaredRelu() implements AttentionNormalizer {}
}
