package org.bert4j.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every preset parses as a run file, builds the model its paper describes, and the tiny ones run forward. */
class PresetsTest {

    static final List<String> NAMES = Presets.NAMES;
    static final List<String> TINY = Presets.NAMES.stream().filter(n -> n.endsWith("-tiny")).toList();

    @ParameterizedTest
    @FieldSource("NAMES")
    void presetsGiveValidConfigsAndRunSettings(String name) {
        Presets.Preset p = Presets.find(name).orElseThrow();
        RunValues v = RunLayers.resolve(null, Map.of(), List.of("model=" + name, "corpus.paths=c.txt", "output.dir=o"));
        PretrainingConfig c = PretrainingConfig.from(v);
        HfConfig config = new HfConfig(Path.of(name), p.config());
        Family family = ModelBuilder.family(config);
        String prefix = name.substring(0, name.indexOf('-'));
        assertEquals(family.modelType(), prefix.equals("deberta_v3") ? "deberta-v2" : prefix);
        boolean rtd = prefix.equals("electra") || prefix.equals("deberta_v3");
        assertEquals(rtd, c.objective().replacedTokenDetection(), "RTD presets: ELECTRA and DeBERTaV3");
        if (rtd) assertEquals(prefix.equals("electra") ? "shared" : "gdes", c.generator().embeddingSharing());
        try (EncoderModel m = EncoderModel.create(family.spec(config), family.defaultHeads(config), DataType.FLOAT32)) {
            assertTrue(m.parameterCount() > 0);
        }
        boolean suRecipe = name.startsWith("roformer_v2") || name.startsWith("gau_alpha");
        assertEquals(suRecipe, c.train().residualWarmupSteps() > 0, "residual warm-up only for RoFormerV2 / GAU-α");
        assertEquals(suRecipe || name.startsWith("albert") ? "lamb" : "adamw", c.optimizer().name());
        assertEquals(switch (name.substring(0, name.indexOf('-'))) {
            case "bert" -> "nsp";
            case "albert" -> "sop";
            default -> "full_sentences";
        }, c.inputs().packing());
    }

    /**
     * Sizes as published (BERT 110M, RoBERTa 125M, ALBERT 12M, ELECTRA-Small 14M, ELECTRA-Base 110M,
     * DeBERTaV3-xsmall 70M, DeBERTaV3-base 184M), heads
     * included, within 5%.
     */
    @Test
    void baseSizesMatchThePapers() {
        assertSize("bert-base", 110e6);
        assertSize("roberta-base", 125e6);
        assertSize("albert-base", 12e6);
        assertSize("electra-small", 14e6); // the discriminator
        assertSize("deberta_v3-xsmall", 70e6); // 22M backbone + 48M embeddings (He et al. 2023)
        assertSize("deberta_v3-base", 184e6); // 86M backbone + 98M embeddings
        assertSize("electra-base", 110e6);
    }

    private static void assertSize(String name, double published) {
        HfConfig config = new HfConfig(Path.of(name), Presets.find(name).orElseThrow().config());
        Family f = ModelBuilder.family(config);
        try (EncoderModel m = EncoderModel.create(f.spec(config), f.defaultHeads(config), DataType.FLOAT32)) {
            double ratio = m.parameterCount() / published;
            assertTrue(Math.abs(ratio - 1) < 0.05, name + ": " + m.parameterCount() + " parameters");
        }
    }

    @ParameterizedTest
    @FieldSource("TINY")
    void tinyPresetsBuildAndRunForward(String name) {
        Presets.Preset p = Presets.find(name).orElseThrow();
        try (LoadedModel m = ModelBuilder.create(new HfConfig(Path.of(name), p.config()), DataType.FLOAT32, 1);
             NDManager scope = NDManager.newBaseManager()) {
            NDArray ids = scope.create(new long[][] {{2, 10, 11, 12, 3}, {2, 20, 21, 3, 0}});
            NDArray hidden = m.model().encode(ids, scope.zeros(ids.getShape(), DataType.INT64), null, false).last();
            assertEquals(256, hidden.getShape().get(2));
            assertTrue(hidden.isInfinite().logicalOr(hidden.isNaN()).none().getBoolean(), name);
        }
    }
}
