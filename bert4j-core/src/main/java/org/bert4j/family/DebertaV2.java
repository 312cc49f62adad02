package org.bert4j.family;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.Activation;
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
 * DeBERTa v2 and v3 (He et al. 2021, 2023; HF {@code deberta-v2}): BERT's post-LN layers with disentangled
 * attention over a shared, log-bucketed relative position table ({@code relative_attention}, {@code pos_att_type},
 * {@code position_buckets}, {@code share_att_key}, {@code norm_rel_ebd}); absolute positions are added to the input
 * only when {@code position_biased_input} (v3: not at all); LayerNorm eps 1e-7; with {@code embedding_size} ≠ d the
 * embeddings are projected ({@code embed_proj}, no bias) before their LayerNorm. MLM head as BERT's ({@code cls.*});
 * the RTD discriminator of DeBERTaV3 carries ELECTRA's head under ELECTRA's names. bert4j's
 * {@code enhanced_mask_decoder: true} puts DeBERTa's enhanced mask decoder before the MLM head.
 * v2-xlarge's convolution layer ({@code conv_kernel_size}) is not built.
 */
public final class DebertaV2 implements Family {

    /** bert4j's name for a DeBERTaV3 RTD discriminator; HF loads its backbone as {@code DebertaV2Model}. */
    static final String DISCRIMINATOR = "DebertaV2ForReplacedTokenDetection";
    private static final String MASK_DECODER = "enhanced_mask_decoder";

    @Override
    public String modelType() { return "deberta-v2"; }

    @Override
    public String summary() {
        return "DeBERTa v2/v3: disentangled attention over bucketed relative positions, no absolute input positions in v3";
    }

    @Override
    public EncoderSpec spec(HfConfig c) {
        int d = c.requireInt("hidden_size");
        int heads = ConfigKeys.heads(c);
        if (c.optInt("conv_kernel_size", 0) > 0) {
            throw c.invalid("conv_kernel_size", "DeBERTa-v2's convolution layer (xlarge, xxlarge) is not supported");
        }
        if (c.has("attention_head_size") && c.requireInt("attention_head_size") != d / heads) {
            throw c.invalid("attention_head_size", "must be hidden_size / num_attention_heads = " + d / heads);
        }
        int maxPositions = c.optInt("max_position_embeddings", 512);
        boolean biasedInput = c.optBoolean("position_biased_input", true);
        boolean relative = c.optBoolean("relative_attention", false);
        List<String> terms = positionTerms(c);
        if (!relative && !terms.isEmpty()) {
            // HF still divides the scores by √(d_h·(1 + #terms)) then, with no position terms to add: not built.
            throw c.invalid("pos_att_type", "is " + terms + " but relative_attention is false; bert4j builds position "
                    + "terms only with relative attention");
        }
        PositionEncoding position;
        if (relative) {
            int maxRelative = c.optInt("max_relative_positions", -1);
            position = new PositionEncoding.Relative(c.optInt("position_buckets", -1), maxRelative < 1 ? maxPositions : maxRelative,
                    c.optString("norm_rel_ebd", "none").toLowerCase(Locale.ROOT).contains("layer_norm"),
                    biasedInput ? maxPositions : 0);
        } else {
            position = biasedInput ? new PositionEncoding.Absolute(maxPositions, 0) : new PositionEncoding.None();
        }
        double eps = c.optDouble("layer_norm_eps", 1e-7);
        return new EncoderSpec(c.requireInt("vocab_size"), d, c.requireInt("num_hidden_layers"),
                c.optInt("embedding_size", d), c.optInt("type_vocab_size", 0), c.optInt("pad_token_id", 0), position,
                EmbeddingOrder.PROJECT_THEN_NORM_THEN_DROPOUT, false, new Normalization.LayerNorm(eps), Residual.POST_NORM,
                new TokenMixer.DisentangledAttention(heads, terms.contains("c2p"), terms.contains("p2c"),
                        c.optBoolean("share_att_key", false)),
                new FeedForward.Dense(c.requireInt("intermediate_size"), ConfigKeys.activation(c, "gelu"), true),
                new Sharing.Unshared(),
                ConfigKeys.dropout(c, "hidden_dropout_prob", 0.1), ConfigKeys.dropout(c, "attention_probs_dropout_prob", 0.1),
                new Initialization.TruncatedNormal(c.optDouble("initializer_range", 0.02)));
    }

    /** {@code pos_att_type}: a list (["p2c", "c2p"]) or HF's older "p2c|c2p" string; only c2p and p2c exist. */
    private static List<String> positionTerms(HfConfig c) {
        List<String> terms = new ArrayList<>();
        if (!c.has("pos_att_type")) return terms;
        JsonElement e = c.json().get("pos_att_type");
        if (e.isJsonArray()) {
            for (JsonElement t : e.getAsJsonArray()) terms.add(t.getAsString().trim().toLowerCase(Locale.ROOT));
        } else {
            for (String t : e.getAsString().split("\\|")) if (!t.isBlank()) terms.add(t.trim().toLowerCase(Locale.ROOT));
        }
        for (String t : terms) {
            if (!t.equals("c2p") && !t.equals("p2c")) throw c.invalid("pos_att_type", "unknown term '" + t + "' (known: c2p, p2c)");
        }
        return terms;
    }

    /** An RTD discriminator when config.json says so (bert4j's own class name; HF has none), else the MLM model. */
    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        if (ConfigKeys.architectureIs(c, DISCRIMINATOR)) return discriminatorHeads(c);
        return new HeadSpec(new HeadSpec.MlmHead.Transform(ConfigKeys.activation(c, "gelu"),
                new Normalization.LayerNorm(c.optDouble("layer_norm_eps", 1e-7)), maskDecoderPositions(c)), false, false);
    }

    /**
     * {@code enhanced_mask_decoder} (bert4j's key; HF's classes have no decoder): DeBERTa's MLM decoder, which only
     * exists without absolute input positions, with a table of {@code max_position_embeddings} rows.
     */
    private static int maskDecoderPositions(HfConfig c) {
        if (!c.optBoolean(MASK_DECODER, false)) return 0;
        if (c.optBoolean("position_biased_input", true)) {
            throw c.invalid(MASK_DECODER, "needs position_biased_input false (with absolute input positions DeBERTa "
                    + "has no mask decoder)");
        }
        return c.optInt("max_position_embeddings", 512);
    }

    /** DeBERTaV3's discriminator: ELECTRA's head (dense, {@code hidden_act}, one logit per token) on the encoder. */
    @Override
    public HeadSpec discriminatorHeads(HfConfig c) {
        return new HeadSpec(new HeadSpec.MlmHead.None(), false, false, ConfigKeys.activation(c, "gelu"));
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        if (spec.factorisedEmbedding()) o.addProperty("embedding_size", spec.embeddingSize());
        int decoderPositions = heads.mlm() instanceof HeadSpec.MlmHead.Transform t ? t.maskDecoderPositions() : 0;
        if (decoderPositions > 0) o.addProperty(MASK_DECODER, true);
        TokenMixer.DisentangledAttention a = (TokenMixer.DisentangledAttention) spec.mixer();
        o.addProperty("num_attention_heads", a.numHeads());
        o.addProperty("share_att_key", a.shareAttentionKey());
        if (spec.position() instanceof PositionEncoding.Relative r) {
            o.addProperty("relative_attention", true);
            o.addProperty("max_relative_positions", r.maxRelativePositions());
            o.addProperty("position_buckets", r.positionBuckets());
            o.addProperty("norm_rel_ebd", r.normalizeTable() ? "layer_norm" : "none");
            o.addProperty("position_biased_input", r.absoluteInputPositions() > 0);
            o.addProperty("max_position_embeddings", r.absoluteInputPositions() > 0 ? r.absoluteInputPositions()
                    : decoderPositions > 0 ? decoderPositions : r.maxRelativePositions());
            JsonArray terms = new JsonArray();
            if (a.positionToContent()) terms.add("p2c");
            if (a.contentToPosition()) terms.add("c2p");
            o.add("pos_att_type", terms);
        } else {
            o.addProperty("relative_attention", false);
            o.addProperty("position_biased_input", spec.position() instanceof PositionEncoding.Absolute);
        }
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = new WeightMap("deberta.");
        NameStyle s = NameStyle.HF;
        s.table(m, "encoder.embeddings.tokens", "embeddings.word_embeddings");
        s.table(m, "encoder.embeddings.positions", "embeddings.position_embeddings");
        s.table(m, "encoder.embeddings.segments", "embeddings.token_type_embeddings");
        s.norm(m, "encoder.embeddings.norm", "embeddings.LayerNorm");
        s.linear(m, "encoder.embeddings.projection", "embeddings.embed_proj");
        s.table(m, "encoder.relative_embeddings.table", "encoder.rel_embeddings");
        s.norm(m, "encoder.relative_embeddings.norm", "encoder.LayerNorm");
        String l = "encoder.layers.{i}.";
        String e = "encoder.layer.{i}.";
        s.linear(m, l + "attention.query", e + "attention.self.query_proj");
        s.linear(m, l + "attention.key", e + "attention.self.key_proj");
        s.linear(m, l + "attention.value", e + "attention.self.value_proj");
        s.linear(m, l + "attention.position_key", e + "attention.self.pos_key_proj");
        s.linear(m, l + "attention.position_query", e + "attention.self.pos_query_proj");
        s.linear(m, l + "attention.output", e + "attention.output.dense");
        s.norm(m, l + "attention_norm", e + "attention.output.LayerNorm");
        s.linear(m, l + "ffn.input", e + "intermediate.dense");
        s.linear(m, l + "ffn.output", e + "output.dense");
        s.norm(m, l + "ffn_norm", e + "output.LayerNorm");
        NameRules.hfBertHeads(m);
        NameRules.hfDiscriminatorHead(m);
        // Where the DeBERTa code keeps the decoder's table (HF's loaders skip the key).
        s.table(m, "mlm.mask_decoder.positions", "deberta.embeddings.position_embeddings");
        return m.ignore(".*position_ids");
    }

    @Override
    public WeightMap tfNames() { return null; }

    @Override
    public String architecture(HeadSpec heads) {
        if (heads.hasMlm()) return "DebertaV2ForMaskedLM";
        return heads.hasReplacedTokenDetection() ? DISCRIMINATOR : "DebertaV2Model";
    }

    /**
     * HF {@code DebertaV2ForSequenceClassification}: its {@code ContextPooler} ({@code pooler.dense} on h₀, then
     * {@code pooler_hidden_act}), dropout, {@code classifier}. The pooler's own dropout ({@code pooler_dropout}) is 0
     * in every released config and bert4j writes 0; the classifier's is {@code cls_dropout}, else
     * {@code hidden_dropout_prob}.
     */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        double dropout = c.has("cls_dropout") ? ConfigKeys.dropout(c, "cls_dropout", 0.1) : ConfigKeys.dropout(c, "hidden_dropout_prob", 0.1);
        Activation act = ConfigKeys.activation(c, "pooler_hidden_act", "gelu");
        return new SequenceClassifierSpec("DebertaV2ForSequenceClassification",
                new SequenceClassifierSpec.Layout.ContextPooler(act), dropout, "cls_dropout");
    }
}
