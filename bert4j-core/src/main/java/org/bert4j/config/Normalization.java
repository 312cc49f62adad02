package org.bert4j.config;

/** The normalisation used after embeddings and around every sub-layer. */
public sealed interface Normalization {

    /** (x − mean) / sqrt(var + eps) · gain + bias. */
    record LayerNorm(double eps) implements Normalization {}

    /** x / sqrt(mean(x²) + eps), times a gain when {@code gain} (RoFormerV2 and GAU-α have none). */
    record RmsNorm(double eps, boolean gain) implements Normalization {}
}
