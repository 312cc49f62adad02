package org.bert4j.family;

import org.bert4j.checkpoint.WeightMap;

/**
 * Expands a block to its parameter rules in HF or TF spelling. HF: {@code .weight} / {@code .bias} for linears
 * and norms, {@code .weight} for tables. TF (Google BERT, bert4keras): {@code /kernel} stored [in, out] (so
 * transposed), {@code /bias}, norms {@code /gamma} / {@code /beta}, tables with no suffix.
 */
final class NameRules {

    private NameRules() {}

    static void hfLinear(WeightMap m, String internal, String external) {
        m.map(internal + ".weight", external + ".weight");
        m.map(internal + ".bias", external + ".bias");
    }

    static void hfNorm(WeightMap m, String internal, String external) {
        hfLinear(m, internal, external);
    }

    static void hfTable(WeightMap m, String internal, String external) {
        m.map(internal + ".weight", external + ".weight");
    }

    static void tfLinear(WeightMap m, String internal, String external) {
        m.mapTransposed(internal + ".weight", external + "/kernel");
        m.map(internal + ".bias", external + "/bias");
    }

    static void tfNorm(WeightMap m, String internal, String external) {
        m.map(internal + ".weight", external + "/gamma");
        m.map(internal + ".bias", external + "/beta");
    }

    static void tfTable(WeightMap m, String internal, String external) {
        m.map(internal + ".weight", external);
    }

    /** BERT-layout layer names (BERT, RoBERTa, RoFormer, RoFormerV2, ELECTRA) in HF spelling, without prefix. */
    static WeightMap hfBertLayout(String prefix, String embeddingProjection) {
        WeightMap m = new WeightMap(prefix);
        hfTable(m, "encoder.embeddings.tokens", "embeddings.word_embeddings");
        hfTable(m, "encoder.embeddings.positions", "embeddings.position_embeddings");
        hfTable(m, "encoder.embeddings.segments", "embeddings.token_type_embeddings");
        hfNorm(m, "encoder.embeddings.norm", "embeddings.LayerNorm");
        hfLinear(m, "encoder.embeddings.projection", embeddingProjection);
        String l = "encoder.layers.{i}.";
        String e = "encoder.layer.{i}.";
        hfLinear(m, l + "attention.query", e + "attention.self.query");
        hfLinear(m, l + "attention.key", e + "attention.self.key");
        hfLinear(m, l + "attention.value", e + "attention.self.value");
        hfLinear(m, l + "attention.output", e + "attention.output.dense");
        hfNorm(m, l + "attention_norm", e + "attention.output.LayerNorm");
        hfLinear(m, l + "ffn.input", e + "intermediate.dense");
        hfLinear(m, l + "ffn.output", e + "output.dense");
        hfNorm(m, l + "ffn_norm", e + "output.LayerNorm");
        hfLinear(m, "pooler.dense", "pooler.dense");
        m.ignore(".*position_ids").ignore(".*embed_positions\\.weight");
        return m;
    }

    /** BERT-layout names in TF spelling ({@code bert/encoder/layer_0/attention/self/query/kernel}). */
    static WeightMap tfBertLayout(String scope) {
        WeightMap m = new WeightMap("");
        String s = scope + "/";
        tfTable(m, "encoder.embeddings.tokens", s + "embeddings/word_embeddings");
        tfTable(m, "encoder.embeddings.positions", s + "embeddings/position_embeddings");
        tfTable(m, "encoder.embeddings.segments", s + "embeddings/token_type_embeddings");
        tfNorm(m, "encoder.embeddings.norm", s + "embeddings/LayerNorm");
        tfLinear(m, "encoder.embeddings.projection", s + "encoder/embedding_hidden_mapping_in"); // bert4keras Embedding-Mapping
        String l = "encoder.layers.{i}.";
        String e = s + "encoder/layer_{i}/";
        tfLinear(m, l + "attention.query", e + "attention/self/query");
        tfLinear(m, l + "attention.key", e + "attention/self/key");
        tfLinear(m, l + "attention.value", e + "attention/self/value");
        tfLinear(m, l + "attention.output", e + "attention/output/dense");
        tfNorm(m, l + "attention_norm", e + "attention/output/LayerNorm");
        tfLinear(m, l + "ffn.input", e + "intermediate/dense");
        tfLinear(m, l + "ffn.output", e + "output/dense");
        tfNorm(m, l + "ffn_norm", e + "output/LayerNorm");
        tfLinear(m, "pooler.dense", s + "pooler/dense");
        m.ignore("global_step").ignore(".*/adam_[mv]").ignore(".*/(Adam|Adam_1)").ignore("bad_steps|good_steps|loss_scale");
        return m;
    }

    /** BERT's pre-training heads in HF spelling ({@code cls.*}). */
    static void hfBertHeads(WeightMap m) {
        hfLinear(m, "mlm.transform", "cls.predictions.transform.dense");
        hfNorm(m, "mlm.transform_norm", "cls.predictions.transform.LayerNorm");
        m.map("mlm.bias", "cls.predictions.bias");
        m.tiedAlias("mlm.bias", "cls.predictions.decoder.bias");
        m.tiedAlias("encoder.embeddings.tokens.weight", "cls.predictions.decoder.weight");
        hfLinear(m, "sentence_pair.classifier", "cls.seq_relationship");
    }

    /** BERT's pre-training heads in TF spelling; NSP weights are [2, d] there (used with transpose_b). */
    static void tfBertHeads(WeightMap m) {
        tfLinear(m, "mlm.transform", "cls/predictions/transform/dense");
        tfNorm(m, "mlm.transform_norm", "cls/predictions/transform/LayerNorm");
        m.map("mlm.bias", "cls/predictions/output_bias");
        m.map("sentence_pair.classifier.weight", "cls/seq_relationship/output_weights");
        m.map("sentence_pair.classifier.bias", "cls/seq_relationship/output_bias");
    }
}
