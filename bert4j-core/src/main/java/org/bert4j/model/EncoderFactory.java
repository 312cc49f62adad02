package org.bert4j.model;

import java.util.ArrayList;
import java.util.List;
import org.bert4j.config.AttentionNormalizer;
import org.bert4j.config.EmbeddingOrder;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.FeedForward;
import org.bert4j.config.PositionEncoding;
import org.bert4j.config.Residual;
import org.bert4j.config.Sharing;
import org.bert4j.config.TokenMixer;
import org.bert4j.nn.AttentionBlock;
import org.bert4j.nn.DisentangledSelfAttention;
import org.bert4j.nn.EmbeddingTable;
import org.bert4j.nn.EncoderLayer;
import org.bert4j.nn.FeedForwardBlock;
import org.bert4j.nn.GatedAttentionUnit;
import org.bert4j.nn.GauLayer;
import org.bert4j.nn.InputEmbeddings;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Module;
import org.bert4j.nn.ModuleList;
import org.bert4j.nn.MultiHeadAttention;
import org.bert4j.nn.Norm;
import org.bert4j.nn.RelativePositionEmbeddings;
import org.bert4j.nn.ResidualRule;
import org.bert4j.nn.RotaryPositionEncoding;
import org.bert4j.nn.ScoreNormalizer;
import org.bert4j.nn.TransformerLayer;

/** Reads an {@link EncoderSpec} and wires the block tree; the only place that switches on spec choices. */
public final class EncoderFactory {

    private EncoderFactory() {}

    /** Builds the blocks with uninitialised parameters; see {@link ParameterInitializer} or a checkpoint loader. */
    public static Encoder build(EncoderSpec spec) {
        InputEmbeddings embeddings = embeddings(spec);
        List<EncoderLayer> stack = new ArrayList<>();
        Module owner;
        String ownerName;
        if (spec.sharing() instanceof Sharing.Grouped g) {
            // ALBERT: groups.{g}.layers.0; layer i uses group i / (L / groups).
            ModuleList<ModuleList<EncoderLayer>> groups = new ModuleList<>();
            for (int i = 0; i < g.groups(); i++) groups.add(new ModuleList<>()).add(layer(spec));
            int perGroup = spec.numLayers() / g.groups();
            for (int i = 0; i < spec.numLayers(); i++) stack.add(groups.get(i / perGroup).get(0));
            owner = groups;
            ownerName = "groups";
        } else {
            ModuleList<EncoderLayer> layers = new ModuleList<>();
            for (int i = 0; i < spec.numLayers(); i++) stack.add(layers.add(layer(spec)));
            owner = layers;
            ownerName = "layers";
        }
        RotaryPositionEncoding rotary = null;
        boolean rotateValues = false;
        if (spec.position() instanceof PositionEncoding.Rotary r) {
            rotary = new RotaryPositionEncoding(rotaryDim(spec), r.base(), r.layout());
            rotateValues = r.rotateValues();
        }
        Norm finalNorm = spec.residual() == Residual.PRE_NORM ? Norm.of(spec.normalization(), spec.hiddenSize()) : null;
        RelativePositionEmbeddings relative = null;
        if (spec.position() instanceof PositionEncoding.Relative r) {
            relative = new RelativePositionEmbeddings(r, spec.hiddenSize(),
                    r.normalizeTable() ? Norm.of(spec.normalization(), spec.hiddenSize()) : null, spec.hiddenDropout());
        }
        return new Encoder(spec, embeddings, ownerName, owner, stack, rotary, rotateValues, finalNorm, relative);
    }

    private static AttentionBlock attention(EncoderSpec spec) {
        int d = spec.hiddenSize();
        if (spec.mixer() instanceof TokenMixer.DisentangledAttention a) {
            // DeBERTa's XSoftmax is a plain softmax over the unmasked keys.
            return new DisentangledSelfAttention(d, a.numHeads(), a.contentToPosition(), a.positionToContent(),
                    a.shareAttentionKey(), ScoreNormalizer.of(new AttentionNormalizer.Softmax()), spec.attentionDropout());
        }
        TokenMixer.MultiHeadAttention m = (TokenMixer.MultiHeadAttention) spec.mixer();
        return new MultiHeadAttention(d, m.numHeads(), m.bias(), ScoreNormalizer.of(m.normalizer()), spec.attentionDropout());
    }

    private static int rotaryDim(EncoderSpec spec) {
        if (spec.mixer() instanceof TokenMixer.MultiHeadAttention m) return spec.hiddenSize() / m.numHeads();
        return ((TokenMixer.GatedAttentionUnit) spec.mixer()).keySize();
    }

    private static InputEmbeddings embeddings(EncoderSpec spec) {
        int e = spec.embeddingSize();
        EmbeddingTable segments = spec.typeVocabSize() > 0 ? new EmbeddingTable(spec.typeVocabSize(), e) : null;
        EmbeddingTable positions = null;
        int offset = 0;
        if (spec.position() instanceof PositionEncoding.Absolute a) {
            positions = new EmbeddingTable(a.maxPositions(), e);
            offset = a.offset();
        }
        if (spec.position() instanceof PositionEncoding.Relative r && r.absoluteInputPositions() > 0) {
            positions = new EmbeddingTable(r.absoluteInputPositions(), e);
        }
        Linear projection = spec.factorisedEmbedding() ? new Linear(e, spec.hiddenSize(), spec.embeddingProjectionBias()) : null;
        int normWidth = spec.embeddingOrder() == EmbeddingOrder.PROJECT_THEN_NORM_THEN_DROPOUT ? spec.hiddenSize() : e;
        return new InputEmbeddings(new EmbeddingTable(spec.vocabSize(), e), segments, positions, offset,
                Norm.of(spec.normalization(), normWidth), spec.embeddingOrder(), spec.hiddenDropout(), projection);
    }

    private static EncoderLayer layer(EncoderSpec spec) {
        int d = spec.hiddenSize();
        ResidualRule residual = ResidualRule.of(spec.residual());
        String residualName = spec.residual().name().toLowerCase();
        if (spec.mixer() instanceof TokenMixer.GatedAttentionUnit g) {
            GatedAttentionUnit gau = new GatedAttentionUnit(d, g.expansion(), g.keySize(), g.activation(),
                    ScoreNormalizer.of(g.normalizer()), g.bias(), spec.attentionDropout());
            return new GauLayer(gau, Norm.of(spec.normalization(), d), residual, residualName, spec.hiddenDropout());
        }
        AttentionBlock attention = attention(spec);
        if (spec.feedForward() instanceof FeedForward.None) {
            throw new IllegalArgumentException("a multi-head attention layer needs a feed-forward block");
        }
        return new TransformerLayer(attention, Norm.of(spec.normalization(), d),
                FeedForwardBlock.of(spec.feedForward(), d), Norm.of(spec.normalization(), d),
                residual, residualName, spec.hiddenDropout());
    }
}
