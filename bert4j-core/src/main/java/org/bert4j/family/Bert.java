package org.bert4j.family;

import com.google.gson.JsonObject;
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
 * BERT (Devlin et al. 2019): post-LN, GELU, learned absolute positions, biases everywhere, LayerNorm eps 1e-12;
 * heads: MLM (transform + tied decoder + bias), pooler, NSP. The reference the other recipes are deltas from.
 */
public final class Bert implements Family {

    @Override
    public String modelType() { return "bert"; }

    @Override
    public String summary() { return "BERT: post-LN Transformer encoder, learned absolute positions, MLM + NSP heads"; }

    @Override
    public EncoderSpec spec(HfConfig c) {
        int d = c.requireInt("hidden_size");
        double eps = c.optDouble("layer_norm_eps", 1e-12);
        return new EncoderSpec(c.requireInt("vocab_size"), d, c.requireInt("num_hidden_layers"),
                c.optInt("embedding_size", d), c.optInt("type_vocab_size", 2), c.optInt("pad_token_id", 0),
                new PositionEncoding.Absolute(c.optInt("max_position_embeddings", 512), 0),
                EmbeddingOrder.NORM_THEN_DROPOUT, true, new Normalization.LayerNorm(eps), Residual.POST_NORM,
                new TokenMixer.MultiHeadAttention(ConfigKeys.heads(c), true, new AttentionNormalizer.Softmax()),
                new FeedForward.Dense(c.requireInt("intermediate_size"), ConfigKeys.activation(c, "gelu"), true),
                new Sharing.Unshared(),
                ConfigKeys.dropout(c, "hidden_dropout_prob", 0.1), ConfigKeys.dropout(c, "attention_probs_dropout_prob", 0.1),
                new Initialization.TruncatedNormal(c.optDouble("initializer_range", 0.02)));
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        Activation act = ConfigKeys.activation(c, "gelu");
        double eps = c.optDouble("layer_norm_eps", 1e-12);
        return new HeadSpec(new HeadSpec.MlmHead.Transform(act, new Normalization.LayerNorm(eps)), true, true);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        if (spec.factorisedEmbedding()) o.addProperty("embedding_size", spec.embeddingSize());
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = NameRules.hfBertLayout("bert.", "embeddings_project");
        NameRules.hfBertHeads(m);
        return m;
    }

    @Override
    public WeightMap tfNames() {
        WeightMap m = NameRules.tfBertLayout("bert");
        NameRules.tfBertHeads(m);
        return m;
    }

    @Override
    public String architecture(HeadSpec heads) {
        boolean mlm = !(heads.mlm() instanceof HeadSpec.MlmHead.None);
        if (mlm && heads.sentencePair()) return "BertForPreTraining";
        return mlm ? "BertForMaskedLM" : "BertModel";
    }

    /** HF {@code BertForSequenceClassification}: pooler, dropout, {@code classifier}. */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("BertForSequenceClassification", new SequenceClassifierSpec.Layout.PooledLinear(),
                ConfigKeys.classifierDropout(c), "classifier_dropout");
    }
}
