package org.bert4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.Test;

/** The largest per-layer array, by hand from the tiny configs (hidden 16, 2 heads, FFN 32; GAU e 24, s 8; DeBERTa FFN 8). */
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
        // DeBERTa v3 tiny with FFN 8: 2 heads, 8 buckets, so 2·8 = 16 relative rows, fewer (2T − 1) for short rows.
        JsonObject c = TinyModels.config("deberta_v3");
        c.addProperty("intermediate_size", 8);
        HfConfig config = TinyModels.hf(c);
        EncoderSpec deberta = ModelBuilder.family(config).spec(config);
        assertEquals(16L * 3, deberta.largestLayerArrayPerRow(3), "T = 3: d 16 beats 2 heads × 5 rows and 2 × T²");
        assertEquals(2L * 16 * 12, deberta.largestLayerArrayPerRow(12), "T = 12: 2 heads × 16 rows beats 2 × T² = 288");
        assertEquals(2L * 40 * 40, deberta.largestLayerArrayPerRow(40), "T = 40: the scores");
    }
}
