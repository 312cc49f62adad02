package org.bert4j.family;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.FeedForward;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.Normalization;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.config.Sharing;

/**
 * ALBERT (Lan et al. 2020): BERT with a factorised embedding (E = {@code embedding_size}, then a Linear E→d) and
 * cross-layer sharing: {@code num_hidden_groups} layer sets, layer i using group i / (L / groups); gelu_new;
 * sentence-order prediction instead of NSP; the MLM transform maps d → E.
 */
public final class Albert implements Family {

    private final Bert bert = new Bert();

    @Override
    public String modelType() { return "albert"; }

    @Override
    public String summary() { return "ALBERT: factorised embeddings, layers shared in groups, SOP head"; }

    @Override
    public EncoderSpec spec(HfConfig c) {
        if (c.optInt("inner_group_num", 1) != 1) throw c.invalid("inner_group_num", "must be 1 (the only value released models use)");
        EncoderSpec b = bert.spec(c);
        return new EncoderSpec(b.vocabSize(), b.hiddenSize(), b.numLayers(), c.optInt("embedding_size", 128),
                b.typeVocabSize(), b.padTokenId(), b.position(), b.embeddingOrder(), true, b.normalization(),
                b.residual(), b.mixer(), withActivation(b, c), new Sharing.Grouped(c.optInt("num_hidden_groups", 1)),
                b.hiddenDropout(), b.attentionDropout(), b.initialization());
    }

    private static FeedForward withActivation(EncoderSpec b, HfConfig c) {
        var f = (FeedForward.Dense) b.feedForward();
        return new FeedForward.Dense(f.intermediateSize(), ConfigKeys.activation(c, "gelu_new"), true);
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        return new HeadSpec(new HeadSpec.MlmHead.Transform(ConfigKeys.activation(c, "gelu_new"),
                new Normalization.LayerNorm(c.optDouble("layer_norm_eps", 1e-12))), true, true);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        o.addProperty("embedding_size", spec.embeddingSize());
        o.addProperty("num_hidden_groups", ((Sharing.Grouped) spec.sharing()).groups());
        o.addProperty("inner_group_num", 1);
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = new WeightMap("albert.");
        NameStyle.HF.table(m, "encoder.embeddings.tokens", "embeddings.word_embeddings");
        NameStyle.HF.table(m, "encoder.embeddings.positions", "embeddings.position_embeddings");
        NameStyle.HF.table(m, "encoder.embeddings.segments", "embeddings.token_type_embeddings");
        NameStyle.HF.norm(m, "encoder.embeddings.norm", "embeddings.LayerNorm");
        NameStyle.HF.linear(m, "encoder.embeddings.projection", "encoder.embedding_hidden_mapping_in");
        String l = "encoder.groups.{g}.0.";
        String e = "encoder.albert_layer_groups.{g}.albert_layers.0.";
        NameStyle.HF.linear(m, l + "attention.query", e + "attention.query");
        NameStyle.HF.linear(m, l + "attention.key", e + "attention.key");
        NameStyle.HF.linear(m, l + "attention.value", e + "attention.value");
        NameStyle.HF.linear(m, l + "attention.output", e + "attention.dense");
        NameStyle.HF.norm(m, l + "attention_norm", e + "attention.LayerNorm");
        NameStyle.HF.linear(m, l + "ffn.input", e + "ffn");
        NameStyle.HF.linear(m, l + "ffn.output", e + "ffn_output");
        NameStyle.HF.norm(m, l + "ffn_norm", e + "full_layer_layer_norm");
        NameStyle.HF.linear(m, "pooler.dense", "pooler");
        NameStyle.HF.linear(m, "mlm.transform", "predictions.dense");
        NameStyle.HF.norm(m, "mlm.transform_norm", "predictions.LayerNorm");
        m.map("mlm.bias", "predictions.bias");
        m.tiedAlias("mlm.bias", "predictions.decoder.bias");
        m.tiedAlias("encoder.embeddings.tokens.weight", "predictions.decoder.weight");
        NameStyle.HF.linear(m, "sentence_pair.classifier", "sop_classifier.classifier");
        m.ignore(".*position_ids");
        return m;
    }

    @Override
    public WeightMap tfNames() {
        WeightMap m = new WeightMap("");
        NameStyle.TF.table(m, "encoder.embeddings.tokens", "bert/embeddings/word_embeddings");
        NameStyle.TF.table(m, "encoder.embeddings.positions", "bert/embeddings/position_embeddings");
        NameStyle.TF.table(m, "encoder.embeddings.segments", "bert/embeddings/token_type_embeddings");
        NameStyle.TF.norm(m, "encoder.embeddings.norm", "bert/embeddings/LayerNorm");
        NameStyle.TF.linear(m, "encoder.embeddings.projection", "bert/encoder/embedding_hidden_mapping_in");
        String l = "encoder.groups.{g}.0.";
        String e = "bert/encoder/transformer/group_{g}/inner_group_0/";
        NameStyle.TF.linear(m, l + "attention.query", e + "attention_1/self/query");
        NameStyle.TF.linear(m, l + "attention.key", e + "attention_1/self/key");
        NameStyle.TF.linear(m, l + "attention.value", e + "attention_1/self/value");
        NameStyle.TF.linear(m, l + "attention.output", e + "attention_1/output/dense");
        NameStyle.TF.norm(m, l + "attention_norm", e + "LayerNorm");
        NameStyle.TF.linear(m, l + "ffn.input", e + "ffn_1/intermediate/dense");
        NameStyle.TF.linear(m, l + "ffn.output", e + "ffn_1/intermediate/output/dense");
        NameStyle.TF.norm(m, l + "ffn_norm", e + "LayerNorm_1");
        NameStyle.TF.linear(m, "pooler.dense", "bert/pooler/dense");
        NameStyle.TF.linear(m, "mlm.transform", "cls/predictions/transform/dense");
        NameStyle.TF.norm(m, "mlm.transform_norm", "cls/predictions/transform/LayerNorm");
        m.map("mlm.bias", "cls/predictions/output_bias");
        m.map("sentence_pair.classifier.weight", "cls/seq_relationship/output_weights");
        m.map("sentence_pair.classifier.bias", "cls/seq_relationship/output_bias");
        return NameRules.ignoringTfTrainingState(m);
    }

    @Override
    public String architecture(HeadSpec heads) {
        boolean mlm = !(heads.mlm() instanceof HeadSpec.MlmHead.None);
        if (mlm && heads.sentencePair()) return "AlbertForPreTraining";
        return mlm ? "AlbertForMaskedLM" : "AlbertModel";
    }

    /** HF {@code AlbertForSequenceClassification}: pooler, dropout {@code classifier_dropout_prob} (default 0.1), {@code classifier}. */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("AlbertForSequenceClassification", new SequenceClassifierSpec.Layout.PooledLinear(),
                ConfigKeys.dropout(c, "classifier_dropout_prob", 0.1), "classifier_dropout_prob");
    }
}
