package org.bert4j.config;

/** The sub-layer that lets tokens see each other. */
public sealed interface TokenMixer {

    /** Multi-head scaled dot-product attention; {@code bias} on the four projections. */
    record MultiHeadAttention(int numHeads, boolean bias, AttentionNormalizer normalizer) implements TokenMixer {}

    /**
     * Gated attention unit: one head of size {@code keySize} gating an expansion of width {@code expansion}
     * (MODELS.md GAU-α); it replaces attention and FFN together, so the spec's FFN is {@link FeedForward.None}.
     */
    record GatedAttentionUnit(int expansion, int keySize, Activation activation, AttentionNormalizer normalizer,
                              boolean bias) implements TokenMixer {}
}
