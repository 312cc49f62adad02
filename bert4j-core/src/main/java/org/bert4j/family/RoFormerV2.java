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
 * RoFormerV2 (Su 2022, bert4keras {@code RoFormerV2}): RoFormer simplified for speed: no biases, every norm an
 * RMS norm without gain (x/sqrt(mean(x²)+1e-7)), embeddings token + segment then dropout then norm, RoPE on q, k;
 * MLM output is the bare tied decoder. Init σ = 1.13684723/√fan_in · L^(−1/2). The residual warm-up α (0 → 1
 * from scratch) is a training setting, not config. HF has no class for it; our {@code model_type} is
 * {@code roformer_v2} and we save with HF RoFormer's names under the {@code roformer.} prefix.
 */
public final class RoFormerV2 implements Family {

    static final double INIT_GAIN = 1.13684723;

    @Override
    public String modelType() { return "roformer_v2"; }

    @Override
    public String summary() { return "RoFormerV2: RoFormer with no biases, gainless RMS norm, bare tied MLM decoder"; }

    @Override
    public EncoderSpec spec(HfConfig c) {
        int d = c.requireInt("hidden_size");
        boolean bias = c.optBoolean("use_bias", false);
        return new EncoderSpec(c.requireInt("vocab_size"), d, c.requireInt("num_hidden_layers"),
                c.optInt("embedding_size", d), c.optInt("type_vocab_size", 2), c.optInt("pad_token_id", 0),
                new PositionEncoding.Rotary(PositionEncoding.RotaryLayout.INTERLEAVED, 10000, false),
                EmbeddingOrder.DROPOUT_THEN_NORM, bias, new Normalization.RmsNorm(c.optDouble("norm_eps", 1e-7), false),
                Residual.POST_NORM,
                new TokenMixer.MultiHeadAttention(ConfigKeys.heads(c), bias, new AttentionNormalizer.Softmax()),
                new FeedForward.Dense(c.requireInt("intermediate_size"), ConfigKeys.activation(c, "relu"), bias),
                new Sharing.Unshared(),
                ConfigKeys.dropout(c, "hidden_dropout_prob", 0.1), ConfigKeys.dropout(c, "attention_probs_dropout_prob", 0.1),
                new Initialization.DepthScaled(INIT_GAIN, 0.5));
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        return new HeadSpec(new HeadSpec.MlmHead.TiedDecoder(), false, false);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        o.addProperty("embedding_size", spec.embeddingSize());
        o.addProperty("norm_eps", ((Normalization.RmsNorm) spec.normalization()).eps());
        o.addProperty("use_bias", ((TokenMixer.MultiHeadAttention) spec.mixer()).bias());
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = NameRules.hfBertLayout("roformer.", "embeddings_project");
        NameStyle.HF.table(m, "mlm.output_mapping", "cls.predictions.output_mapping"); // only when E ≠ d
        return m;
    }

    @Override
    public WeightMap tfNames() {
        WeightMap m = NameRules.tfBertLayout("bert");
        m.mapTransposed("mlm.output_mapping.weight", "cls/predictions/output_mapping/kernel"); // only when E ≠ d
        return m;
    }

    @Override
    public String architecture(HeadSpec heads) {
        return heads.mlm() instanceof HeadSpec.MlmHead.None ? "RoFormerV2Model" : "RoFormerV2ForMaskedLM";
    }

    /** Ours ({@code RoFormerV2ForSequenceClassification}): h₀, dropout, {@code classifier}, as bert4keras fine-tunes it. */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("RoFormerV2ForSequenceClassification",
                new SequenceClassifierSpec.Layout.FirstTokenLinear(), ConfigKeys.classifierDropout(c), "classifier_dropout");
    }
}
