package org.bert4j.family;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.AttentionNormalizer;
import org.bert4j.config.EmbeddingOrder;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.FeedForward;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.Initialization;
import org.bert4j.config.Normalization;
import org.bert4j.config.PositionEncoding;
import org.bert4j.config.Residual;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.config.Sharing;
import org.bert4j.config.TokenMixer;

/**
 * GAU-α (ZhuiyiTechnology/GAU-alpha): RoFormerV2 with each attention + FFN pair replaced by gated attention units
 * (expansion e = {@code intermediate_size}, key size s = {@code attention_key_size}, swish, softmax_plus, no bias).
 * {@code num_hidden_layers} counts GAU layers (24 for base). Init as RoFormerV2 with L^(−1/3).
 */
public final class GauAlpha implements Family {

    @Override
    public String modelType() { return "gau_alpha"; }

    @Override
    public String summary() { return "GAU-α: RoFormerV2 with gated attention units (softmax_plus) instead of attention + FFN"; }

    @Override
    public EncoderSpec spec(HfConfig c) {
        int d = c.requireInt("hidden_size");
        boolean bias = c.optBoolean("use_bias", false);
        TokenMixer.GatedAttentionUnit gau = new TokenMixer.GatedAttentionUnit(c.requireInt("intermediate_size"),
                c.optInt("attention_key_size", 128), ConfigKeys.activation(c, "swish"), normalizer(c), bias);
        return new EncoderSpec(c.requireInt("vocab_size"), d, c.requireInt("num_hidden_layers"), d,
                c.optInt("type_vocab_size", 2), c.optInt("pad_token_id", 0),
                new PositionEncoding.Rotary(PositionEncoding.RotaryLayout.INTERLEAVED, 10000, false),
                EmbeddingOrder.DROPOUT_THEN_NORM, bias, new Normalization.RmsNorm(c.optDouble("norm_eps", 1e-7), false),
                Residual.POST_NORM, gau, new FeedForward.None(), new Sharing.Unshared(),
                ConfigKeys.dropout(c, "hidden_dropout_prob", 0.1), ConfigKeys.dropout(c, "attention_probs_dropout_prob", 0.1),
                new Initialization.DepthScaled(RoFormerV2.INIT_GAIN, 1.0 / 3));
    }

    private static AttentionNormalizer normalizer(HfConfig c) {
        String name = c.optString("normalization", "softmax_plus");
        return switch (name) {
            case "softmax_plus" -> new AttentionNormalizer.SoftmaxPlus(512, 16);
            case "softmax" -> new AttentionNormalizer.Softmax();
            case "squared_relu" -> new AttentionNormalizer.SquaredRelu();
            default -> throw c.invalid("normalization", "must be softmax_plus, softmax or squared_relu, got '" + name + "'");
        };
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        return new HeadSpec(new HeadSpec.MlmHead.TiedDecoder(), false, false);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        TokenMixer.GatedAttentionUnit g = (TokenMixer.GatedAttentionUnit) spec.mixer();
        o.addProperty("num_attention_heads", 1);
        o.addProperty("intermediate_size", g.expansion());
        o.addProperty("attention_key_size", g.keySize());
        o.addProperty("hidden_act", g.activation().hfName());
        String normalization = g.normalizer() instanceof AttentionNormalizer.SoftmaxPlus ? "softmax_plus"
                : g.normalizer() instanceof AttentionNormalizer.SquaredRelu ? "squared_relu" : "softmax";
        o.addProperty("normalization", normalization);
        o.addProperty("norm_eps", ((Normalization.RmsNorm) spec.normalization()).eps());
        o.addProperty("use_bias", g.bias());
        return o;
    }

    @Override
    public WeightMap hfNames() {
        return layout(NameStyle.HF, new WeightMap("gau_alpha."), "", "");
    }

    @Override
    public WeightMap tfNames() {
        return NameRules.ignoringTfTrainingState(layout(NameStyle.TF, new WeightMap(""), "bert", "GAU_alpha"));
    }

    /** bert4keras names (HF spelling is ours: the same path with dots); scale/offset pairs spell like norms. */
    private static WeightMap layout(NameStyle s, WeightMap m, String embeddingScope, String layerScope) {
        s.table(m, "encoder.embeddings.tokens", s.path(embeddingScope, "embeddings", "word_embeddings"));
        s.table(m, "encoder.embeddings.segments", s.path(embeddingScope, "embeddings", "token_type_embeddings"));
        String l = "encoder.layers.{i}.gau.";
        String e = s.path(layerScope, "encoder", s.layer(), "gau");
        s.linear(m, l + "input", s.path(e, "i_dense"));
        s.linear(m, l + "output", s.path(e, "o_dense"));
        s.scaleOffset(m, l + "query_scale", l + "query_offset", s.path(e, "q_scaleoffset"));
        s.scaleOffset(m, l + "key_scale", l + "key_offset", s.path(e, "k_scaleoffset"));
        return m;
    }

    @Override
    public String architecture(HeadSpec heads) {
        return heads.mlm() instanceof HeadSpec.MlmHead.None ? "GAUAlphaModel" : "GAUAlphaForMaskedLM";
    }

    /** Ours ({@code GAUAlphaForSequenceClassification}): h₀, dropout, {@code classifier}, as bert4keras fine-tunes it. */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("GAUAlphaForSequenceClassification",
                new SequenceClassifierSpec.Layout.FirstTokenLinear(), ConfigKeys.classifierDropout(c), "classifier_dropout");
    }
}
