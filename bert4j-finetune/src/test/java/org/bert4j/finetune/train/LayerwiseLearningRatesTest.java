package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.bert4j.config.EncoderSpec;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;
import org.junit.jupiter.api.Test;

/** Every parameter's learning-rate scale is decay^(L + 1 − depth), depths as documented in {@link LayerwiseLearningRates}. */
class LayerwiseLearningRatesTest {

    private static final double DECAY = 0.8;

    @Test
    void scalesFollowTheDepthRuleOnBert() {
        JsonObject config = TinyModels.config("bert");
        config.addProperty("num_hidden_layers", 3);
        try (LoadedModel m = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT32, 1)) {
            EncoderSpec spec = m.model().spec();
            Map<String, Double> scales = scales(m, spec);
            // L = 3: embeddings decay^4, layer 0 decay^3, layer 1 decay^2, layer 2 decay^1, everything above 1.
            assertEquals(Math.pow(DECAY, 4), scales.get("encoder.embeddings.tokens.weight"), 1e-15);
            assertEquals(Math.pow(DECAY, 4), scales.get("encoder.embeddings.norm.bias"), 1e-15);
            assertEquals(Math.pow(DECAY, 3), scales.get("encoder.layers.0.attention.query.weight"), 1e-15);
            assertEquals(Math.pow(DECAY, 2), scales.get("encoder.layers.1.ffn.output.bias"), 1e-15);
            assertEquals(DECAY, scales.get("encoder.layers.2.ffn_norm.weight"), 1e-15);
            assertEquals(1.0, scales.get("pooler.dense.weight"));
            assertEquals(1.0, LayerwiseLearningRates.scale("classifier.out_proj.weight", spec, DECAY));
            scales.forEach((path, s) -> assertEquals(Math.pow(DECAY, 4 - LayerwiseLearningRates.depth(path, spec)), s, 1e-15, path));
        }
    }

    @Test
    void sharedAlbertGroupsTakeTheRateOfTheirTopLayer() {
        JsonObject config = TinyModels.config("albert");
        config.addProperty("num_hidden_layers", 4);
        config.addProperty("num_hidden_groups", 2);
        try (LoadedModel m = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT32, 1)) {
            EncoderSpec spec = m.model().spec();
            Map<String, Double> scales = scales(m, spec);
            assertEquals(Math.pow(DECAY, 5), scales.get("encoder.embeddings.projection.weight"), 1e-15);
            // group 0 serves layers 0 and 1 (top: depth 2), group 1 layers 2 and 3 (depth 4 = L).
            assertEquals(Math.pow(DECAY, 3), scales.get("encoder.groups.0.0.attention.query.weight"), 1e-15);
            assertEquals(DECAY, scales.get("encoder.groups.1.0.attention.query.weight"), 1e-15);
        }
    }

    @Test
    void decayOfOneChangesNothingAndOutOfRangeIsRefused() {
        try (LoadedModel m = ModelBuilder.create(TinyModels.hf("roformer_v2"), DataType.FLOAT32, 1)) {
            List<TrainableParameter> ps = TrainableParameters.of(m.model());
            assertTrue(LayerwiseLearningRates.apply(ps, m.model().spec(), 1.0).stream().allMatch(p -> p.learningRateScale() == 1.0));
            assertThrows(IllegalArgumentException.class, () -> LayerwiseLearningRates.apply(ps, m.model().spec(), 1.5));
            assertThrows(IllegalArgumentException.class, () -> LayerwiseLearningRates.apply(ps, m.model().spec(), 0));
        }
    }

    private static Map<String, Double> scales(LoadedModel m, EncoderSpec spec) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (TrainableParameter p : LayerwiseLearningRates.apply(TrainableParameters.of(m.model()), spec, DECAY)) {
            out.put(p.path(), p.learningRateScale());
        }
        return out;
    }
}
