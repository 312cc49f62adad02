package org.bert4j.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to build an encoder's block tree, family-neutral. A family recipe translates its HF
 * {@code config.json} to and from this; {@link org.bert4j.model.EncoderFactory} builds the blocks from it.
 *
 * @param vocabSize         V
 * @param hiddenSize        d
 * @param numLayers         L
 * @param embeddingSize     E: the token-table width; a Linear E→d follows when E ≠ d (factorised embedding)
 * @param typeVocabSize     segment ids (0 = no segment embedding)
 * @param padTokenId        the id that pads a batch (RoBERTa positions start after it)
 * @param hiddenDropout     dropout on embeddings and sub-layer outputs
 * @param attentionDropout  dropout on attention weights
 */
public record EncoderSpec(
        int vocabSize,
        int hiddenSize,
        int numLayers,
        int embeddingSize,
        int typeVocabSize,
        int padTokenId,
        PositionEncoding position,
        EmbeddingOrder embeddingOrder,
        boolean embeddingProjectionBias,
        Normalization normalization,
        Residual residual,
        TokenMixer mixer,
        FeedForward feedForward,
        Sharing sharing,
        double hiddenDropout,
        double attentionDropout,
        Initialization initialization) {

    public EncoderSpec {
        List<String> errors = new ArrayList<>();
        positive(errors, "vocab_size", vocabSize);
        positive(errors, "hidden_size", hiddenSize);
        positive(errors, "num_hidden_layers", numLayers);
        positive(errors, "embedding_size", embeddingSize);
        if (typeVocabSize < 0) errors.add("type_vocab_size must be ≥ 0, got " + typeVocabSize);
        if (mixer instanceof TokenMixer.MultiHeadAttention m) {
            heads(errors, hiddenSize, m.numHeads());
            if (position instanceof PositionEncoding.Rotary && m.numHeads() > 0 && (hiddenSize / m.numHeads()) % 2 != 0) {
                errors.add("rotary positions need an even head size, got " + hiddenSize / m.numHeads());
            }
        }
        if (mixer instanceof TokenMixer.DisentangledAttention m) {
            heads(errors, hiddenSize, m.numHeads());
            if (m.positionTerms() > 0 && !(position instanceof PositionEncoding.Relative)) {
                errors.add("pos_att_type needs relative positions (relative_attention)");
            }
        }
        if (position instanceof PositionEncoding.Relative r) {
            if (!(mixer instanceof TokenMixer.DisentangledAttention)) errors.add("relative positions need disentangled attention");
            positive(errors, "max_relative_positions", r.maxRelativePositions());
            if (r.absoluteInputPositions() < 0) errors.add("max_position_embeddings must be ≥ 0, got " + r.absoluteInputPositions());
        }
        if (mixer instanceof TokenMixer.GatedAttentionUnit g) {
            positive(errors, "intermediate_size (GAU expansion)", g.expansion());
            positive(errors, "attention_key_size", g.keySize());
            if (!(feedForward instanceof FeedForward.None)) errors.add("a GAU layer has no separate FFN");
        }
        if (feedForward instanceof FeedForward.Dense f) positive(errors, "intermediate_size", f.intermediateSize());
        if (feedForward instanceof FeedForward.Gated f) positive(errors, "intermediate_size", f.intermediateSize());
        if (sharing instanceof Sharing.Grouped s && (s.groups() <= 0 || numLayers % s.groups() != 0)) {
            errors.add("num_hidden_groups " + s.groups() + " must divide num_hidden_layers " + numLayers);
        }
        if (hiddenDropout < 0 || hiddenDropout >= 1) errors.add("hidden_dropout_prob must be in [0, 1)");
        if (attentionDropout < 0 || attentionDropout >= 1) errors.add("attention_probs_dropout_prob must be in [0, 1)");
        if (!errors.isEmpty()) throw new IllegalArgumentException("invalid encoder spec: " + String.join("; ", errors));
    }

    private static void heads(List<String> errors, int hiddenSize, int heads) {
        positive(errors, "num_attention_heads", heads);
        if (heads > 0 && hiddenSize % heads != 0) {
            errors.add("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads " + heads);
        }
    }

    private static void positive(List<String> errors, String key, int value) {
        if (value <= 0) errors.add(key + " must be > 0, got " + value);
    }

    /** True when the token table is narrower than the hidden size (ALBERT, small ELECTRA generators). */
    public boolean factorisedEmbedding() { return embeddingSize != hiddenSize; }

    /**
     * Elements of the largest array one layer makes for one row of {@code length} tokens: the attention scores
     * (heads·T²) or the widest projection (T × the FFN's or GAU's width, or DeBERTa's heads × relative rows),
     * whichever is larger. What callers size inference batches by.
     */
    public long largestLayerArrayPerRow(int length) {
        long width = hiddenSize;
        long scoreMaps = 1;
        if (mixer instanceof TokenMixer.MultiHeadAttention m) scoreMaps = m.numHeads();
        if (mixer instanceof TokenMixer.DisentangledAttention m) {
            scoreMaps = m.numHeads();
            // c2p and p2c first score every query (key) against the relative rows the length reaches: (B, h, T, R).
            long rows = Math.min(2L * ((PositionEncoding.Relative) position).span(), 2L * length - 1);
            if (m.positionTerms() > 0) width = Math.max(width, m.numHeads() * rows);
        }
        if (mixer instanceof TokenMixer.GatedAttentionUnit g) width = Math.max(width, 2L * g.expansion() + g.keySize());
        if (feedForward instanceof FeedForward.Dense f) width = Math.max(width, f.intermediateSize());
        if (feedForward instanceof FeedForward.Gated f) width = Math.max(width, 2L * f.intermediateSize());
        return Math.max(scoreMaps * length * length, width * length);
    }

    /** Number of distinct layer parameter sets. */
    public int layerParameterSets() {
        return sharing instanceof Sharing.Grouped g ? g.groups() : numLayers;
    }

    /** The same spec with another dropout (0 for deterministic tests). */
    public EncoderSpec withDropout(double hidden, double attention) {
        return new EncoderSpec(vocabSize, hiddenSize, numLayers, embeddingSize, typeVocabSize, padTokenId, position,
                embeddingOrder, embeddingProjectionBias, normalization, residual, mixer, feedForward, sharing,
                hidden, attention, initialization);
    }
}
