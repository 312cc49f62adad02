package org.bert4j.family;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.Activation;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.Normalization;
import org.bert4j.config.PositionEncoding;
import org.bert4j.config.SequenceClassifierSpec;

/**
 * RoBERTa (Liu et al. 2019): BERT's architecture; positions start at pad_token_id + 1 (max_position_embeddings
 * 514), one segment type, LayerNorm eps 1e-5, MLM head named {@code lm_head}, no NSP. The training recipe
 * (dynamic masking, full-sentence packing, big batches) lives in the pre-training objectives.
 */
public final class Roberta implements Family {

    private final Bert bert = new Bert();

    @Override
    public String modelType() { return "roberta"; }

    @Override
    public String summary() { return "RoBERTa: BERT with positions offset by pad+1, eps 1e-5, MLM only (no NSP)"; }

    @Override
    public EncoderSpec spec(HfConfig c) {
        EncoderSpec b = bert.spec(c);
        int pad = c.optInt("pad_token_id", 1);
        return new EncoderSpec(b.vocabSize(), b.hiddenSize(), b.numLayers(), b.embeddingSize(),
                c.optInt("type_vocab_size", 1), pad,
                new PositionEncoding.Absolute(c.optInt("max_position_embeddings", 514), pad + 1),
                b.embeddingOrder(), true, new Normalization.LayerNorm(c.optDouble("layer_norm_eps", 1e-5)),
                b.residual(), b.mixer(), b.feedForward(), b.sharing(), b.hiddenDropout(), b.attentionDropout(),
                b.initialization());
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        HeadSpec.MlmHead.Transform t = (HeadSpec.MlmHead.Transform) bert.defaultHeads(c).mlm();
        return new HeadSpec(new HeadSpec.MlmHead.Transform(t.activation(),
                new Normalization.LayerNorm(c.optDouble("layer_norm_eps", 1e-5))), false, false);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        o.addProperty("bos_token_id", 0);
        o.addProperty("eos_token_id", 2);
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = NameRules.hfBertLayout("roberta.", "embeddings_project");
        NameStyle.HF.linear(m, "mlm.transform", "lm_head.dense");
        NameStyle.HF.norm(m, "mlm.transform_norm", "lm_head.layer_norm");
        m.map("mlm.bias", "lm_head.bias");
        m.tiedAlias("mlm.bias", "lm_head.decoder.bias");
        m.tiedAlias("encoder.embeddings.tokens.weight", "lm_head.decoder.weight");
        return m;
    }

    @Override
    public WeightMap tfNames() { return null; }

    @Override
    public String architecture(HeadSpec heads) {
        return heads.mlm() instanceof HeadSpec.MlmHead.None ? "RobertaModel" : "RobertaForMaskedLM";
    }

    /** HF {@code RobertaForSequenceClassification}: {@code classifier.dense} + tanh + {@code classifier.out_proj} on h₀. */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("RobertaForSequenceClassification",
                new SequenceClassifierSpec.Layout.FirstTokenTwoLayer(Activation.TANH), ConfigKeys.classifierDropout(c),
                "classifier_dropout");
    }
}
