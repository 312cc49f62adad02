package org.bert4j.config;

/** The sub-layer that lets tokens see each other. */
public sealed interface TokenMixer {

    /** Multi-head scaled dot-product attention; {@code bias} on the four projections. */
    record MultiHeadAttention(int numHeads, boolean bias, AttentionNormalizer normalizer) implements TokenMixer {}

    /**
     * DeBERTa's disentangled self-attention: content→content plus, when switched on, content→position ({@code c2p})
     * and position→content ({@code p2c}) scores over {@link PositionEncoding.Relative}, all divided by
     * √(d_h·(1 + #position terms)). The position projections are the content ones when {@code shareAttentionKey},
     * else their own ({@code pos_key_proj}, {@code pos_query_proj}). Projections always have biases (HF).
     */
    record DisentangledAttention(int numHeads, boolean contentToPosition, boolean positionToContent,
                                 boolean shareAttentionKey) implements TokenMixer {

        public int positionTerms() { return (contentToPosition ? 1 : 0) + (positionToContent ? 1 : 0); }
    }

    /**
     * Gated attention unit: one head of size {@code keySize} gating an expansion of width {@code expansion}
     * (MODELS.md GAU-α); it replaces attention and FFN together, so the spec's FFN is {@link FeedForward.None}.
     */
    record GatedAttentionUnit(int expansion, int keySize, Activation activation, AttentionNormalizer normalizer,
                              boolean bias) implements TokenMixer {}
}
