package org.bert4j.family;

import org.bert4j.checkpoint.WeightMap;

/** The BERT-layout weight tables (BERT, RoBERTa, RoFormer, RoFormerV2) and BERT's heads, in either spelling. */
final class NameRules {

    private NameRules() {}

    /** HF names without the model prefix (the loader adds {@code bert.} when the file uses it). */
    static WeightMap hfBertLayout(String prefix, String embeddingProjection) {
        WeightMap m = bertLayout(NameStyle.HF, new WeightMap(prefix), "", embeddingProjection);
        return m.ignore(".*position_ids").ignore(".*embed_positions\\.weight");
    }

    /** TF names under {@code scope} ({@code bert/encoder/layer_0/attention/self/query/kernel}). */
    static WeightMap tfBertLayout(String scope) {
        WeightMap m = bertLayout(NameStyle.TF, new WeightMap(""), scope, "encoder/embedding_hidden_mapping_in");
        return ignoringTfTrainingState(m);
    }

    /** TF checkpoints also hold the step counter, optimizer slots and loss-scale state: not weights. */
    static WeightMap ignoringTfTrainingState(WeightMap m) {
        return m.ignore("global_step|bad_steps|good_steps|loss_scale").ignore(".*/(adam_[mv]|Adam|Adam_1)");
    }

    private static WeightMap bertLayout(NameStyle s, WeightMap m, String scope, String embeddingProjection) {
        s.table(m, "encoder.embeddings.tokens", s.path(scope, "embeddings", "word_embeddings"));
        s.table(m, "encoder.embeddings.positions", s.path(scope, "embeddings", "position_embeddings"));
        s.table(m, "encoder.embeddings.segments", s.path(scope, "embeddings", "token_type_embeddings"));
        s.norm(m, "encoder.embeddings.norm", s.path(scope, "embeddings", "LayerNorm"));
        s.linear(m, "encoder.embeddings.projection", s.path(scope, embeddingProjection));
        String l = "encoder.layers.{i}.";
        String e = s.path(scope, "encoder", s.layer());
        s.linear(m, l + "attention.query", s.path(e, "attention", "self", "query"));
        s.linear(m, l + "attention.key", s.path(e, "attention", "self", "key"));
        s.linear(m, l + "attention.value", s.path(e, "attention", "self", "value"));
        s.linear(m, l + "attention.output", s.path(e, "attention", "output", "dense"));
        s.norm(m, l + "attention_norm", s.path(e, "attention", "output", "LayerNorm"));
        s.linear(m, l + "ffn.input", s.path(e, "intermediate", "dense"));
        s.linear(m, l + "ffn.output", s.path(e, "output", "dense"));
        s.norm(m, l + "ffn_norm", s.path(e, "output", "LayerNorm"));
        s.linear(m, "pooler.dense", s.path(scope, "pooler", "dense"));
        return m;
    }

    /** BERT's pre-training heads in HF spelling ({@code cls.*}). */
    static void hfBertHeads(WeightMap m) {
        NameStyle.HF.linear(m, "mlm.transform", "cls.predictions.transform.dense");
        NameStyle.HF.norm(m, "mlm.transform_norm", "cls.predictions.transform.LayerNorm");
        m.map("mlm.bias", "cls.predictions.bias");
        m.tiedAlias("mlm.bias", "cls.predictions.decoder.bias");
        m.tiedAlias("encoder.embeddings.tokens.weight", "cls.predictions.decoder.weight");
        NameStyle.HF.linear(m, "sentence_pair.classifier", "cls.seq_relationship");
    }

    /** ELECTRA's discriminator head ({@code discriminator_predictions.*}), also DeBERTaV3's. */
    static void hfDiscriminatorHead(WeightMap m) {
        NameStyle.HF.linear(m, "rtd.dense", "discriminator_predictions.dense");
        NameStyle.HF.linear(m, "rtd.prediction", "discriminator_predictions.dense_prediction");
    }

    /** BERT's pre-training heads in TF spelling; NSP weights are [2, d] there (used with transpose_b). */
    static void tfBertHeads(WeightMap m) {
        NameStyle.TF.linear(m, "mlm.transform", "cls/predictions/transform/dense");
        NameStyle.TF.norm(m, "mlm.transform_norm", "cls/predictions/transform/LayerNorm");
        m.map("mlm.bias", "cls/predictions/output_bias");
        m.map("sentence_pair.classifier.weight", "cls/seq_relationship/output_weights");
        m.map("sentence_pair.classifier.bias", "cls/seq_relationship/output_bias");
    }
}
