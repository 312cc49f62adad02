package org.bert4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bert4j.checkpoint.HfConfig;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.Test;

/** The largest per-layer array, by hand from the tiny configs (hidden 16, 2 heads, FFN 32; GAU e 24, s 8). */
class EncoderSpecTest {

    private static EncoderSpec spec(String variant) {
        HfConfig config = TinyModels.hf(variant);
        return ModelBuilder.family(config).spec(config);
    }

    @Test
    void largestLayerArrayIsTheScoresOrTheWidestProjection() {
        EncoderSpec bert = spec("bert");
        assertEquals(32L * 4, bert.largestLayerArrayPerRow(4), "short rows: T × FFN 32 beats 2 heads × T²");
        assertEquals(2L * 16 * 16, bert.largestLayerArrayPerRow(16), "T = FFN/heads: a tie");
        assertEquals(2L * 40 * 40, bert.largestLayerArrayPerRow(40), "long rows: the scores");
        EncoderSpec gau = spec("gau_alpha");
        assertEquals((2L * 24 + 8) * 10, gau.largestLayerArrayPerRow(10), "GAU: T × (2e + s) against one T² map");
        assertEquals(100L * 100, gau.largestLayerArrayPerRow(100));
    }
}
