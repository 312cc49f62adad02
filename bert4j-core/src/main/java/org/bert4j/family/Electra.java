package org.bert4j.family;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.Activation;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.Normalization;
import org.bert4j.config.SequenceClassifierSpec;

/**
 * ELECTRA (Clark et al. 2020): BERT's encoder, usually with a factorised embedding ({@code embedding_size} E, then
 * {@code embeddings_project} E→d), saved as two HF models of one {@code model_type}: the discriminator
 * ({@code ElectraForPreTraining}, a replaced-token-detection head on every token) and the generator
 * ({@code ElectraForMaskedLM}: dense d→E, GELU, LayerNorm, the tied decoder). The config's {@code architectures}
 * says which a directory holds; a config without it is a discriminator.
 */
public final class Electra implements Family {

    static final String DISCRIMINATOR = "ElectraForPreTraining";
    static final String GENERATOR = "ElectraForMaskedLM";

    private final Bert bert = new Bert();

    @Override
    public String modelType() { return "electra"; }

    @Override
    public String summary() {
        return "ELECTRA: BERT encoder with a factorised embedding; discriminator (RTD head) or generator (MLM head)";
    }

    @Override
    public EncoderSpec spec(HfConfig c) {
        return bert.spec(c); // the encoder is BERT's, embedding_size included
    }

    @Override
    public HeadSpec defaultHeads(HfConfig c) {
        return isGenerator(c) ? generatorHeads(c) : discriminatorHeads(c);
    }

    /** HF's {@code ElectraGeneratorPredictions} always uses GELU, whatever {@code hidden_act} says. */
    @Override
    public HeadSpec generatorHeads(HfConfig c) {
        return new HeadSpec(new HeadSpec.MlmHead.Transform(Activation.GELU,
                new Normalization.LayerNorm(c.optDouble("layer_norm_eps", 1e-12))), false, false);
    }

    @Override
    public HeadSpec discriminatorHeads(HfConfig c) {
        return new HeadSpec(new HeadSpec.MlmHead.None(), false, false, ConfigKeys.activation(c, "gelu"));
    }

    private static boolean isGenerator(HfConfig c) {
        return ConfigKeys.architectureIs(c, GENERATOR);
    }

    @Override
    public JsonObject config(EncoderSpec spec, HeadSpec heads) {
        JsonObject o = ConfigKeys.common(modelType(), architecture(heads), spec);
        o.addProperty("embedding_size", spec.embeddingSize());
        return o;
    }

    @Override
    public WeightMap hfNames() {
        WeightMap m = NameRules.hfBertLayout("electra.", "embeddings_project");
        NameRules.hfDiscriminatorHead(m);
        NameStyle.HF.linear(m, "mlm.transform", "generator_predictions.dense");
        NameStyle.HF.norm(m, "mlm.transform_norm", "generator_predictions.LayerNorm");
        m.map("mlm.bias", "generator_lm_head.bias");
        m.tiedAlias("encoder.embeddings.tokens.weight", "generator_lm_head.weight");
        return m;
    }

    @Override
    public WeightMap tfNames() { return null; }

    @Override
    public String architecture(HeadSpec heads) {
        if (heads.hasMlm()) return GENERATOR;
        return heads.hasReplacedTokenDetection() ? DISCRIMINATOR : "ElectraModel";
    }

    /** HF {@code ElectraForSequenceClassification}: {@code classifier.dense}, GELU, {@code classifier.out_proj} on h₀. */
    @Override
    public SequenceClassifierSpec sequenceClassifier(HfConfig c) {
        return new SequenceClassifierSpec("ElectraForSequenceClassification",
                new SequenceClassifierSpec.Layout.FirstTokenTwoLayer(Activation.GELU), ConfigKeys.classifierDropout(c),
                "classifier_dropout");
    }
}
