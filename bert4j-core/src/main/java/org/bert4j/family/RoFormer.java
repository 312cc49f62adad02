package org.bert4j.family;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.PositionEncoding;
import org.bert4j.config.SequenceClassifierSpec;

/**
 * RoFormer (Su et al. 2021): BERT with rotary position encoding (interleaved pairs) on q and k instead of a
 * learned position table; {@code rotary_value} also rotates v. HF's {@code embed_positions} is a fixed sinusoid
 * buffer, not a weight.
 */
public final class RoFormer implements Family {

    private final Bert bert = new Bert();

    @Override
    public String modelType() { return "roformer"; }

    @Override
    public String summary() { return "RoFormer: BERT with rotary positions (interleaved) instead of a position table"; }

    @Override
    public EncoderSpec spec(HfConfig c) {
        EncoderSpec b = bert.spec(c);
        return new EncoderSpec(b.vocabSize(), b.hiddenSize(), b.numLayers(), b.embeddingSize(), b.typeVocabSize(),
                b.padTokenId(), new PositionEncoding.Rotary(PositionEncoding.RotaryLayout.INTERLEAVED, 10000,
                c.optBoolean("rotary_value", false)),
                b.embeddingOrder(), true, b.normalization(), b.residual(), b.mixer(), b.feedForward(), b.sharing(),
                b.hiddenDropout(), b.attentionDropout(), b.initialization());
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        return new HeadSpec(bert.defaultHeads(c).mlm(), false, false);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        o.addProperty("embedding_size", spec.embeddingSize());
        o.addProperty("max_position_embeddings", 1536);
        o.addProperty("rotary_value", ((PositionEncoding.Rotary) spec.position()).rotateValues());
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = NameRules.hfBertLayout("roformer.", "embeddings_project");
        NameRules.hfBertHeads(m);
        return m;
    }

    @Override
    public WeightMap tfNames() {
        return bert.tfNames(); // bert4keras saves RoFormer under BERT's names
    }

    @Override
    public String architecture(HeadSpec heads) {
        return heads.mlm() instanceof HeadSpec.MlmHead.None ? "RoFormerModel" : "RoFormerForMaskedLM";
    }

    /**
     * HF {@code RoFormerForSequenceClassification}: {@code classifier.dense}, then {@code hidden_act} (not tanh, unlike
     * RoBERTa), {@code classifier.out_proj}; its dropout is {@code hidden_dropout_prob}.
     */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("RoFormerForSequenceClassification",
                new SequenceClassifierSpec.Layout.FirstTokenTwoLayer(ConfigKeys.activation(c, "gelu")),
                ConfigKeys.dropout(c, "hidden_dropout_prob", 0.1), null);
    }
}
