package org.bert4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.junit.jupiter.api.Test;

/** The training bench's model sizes, FLOP count and masked batch. */
class TrainingShapeTest {

    private static final TrainingShape SHAPE = new TrainingShape(3, 48, 4, 192, 700, 2, 40);

    @Test
    void bertFlopsFromShapesEqualTheBuiltModelsCount() {
        // DJL's row uses the count from shapes; bert4j's from its parameters: the same architecture, the same count.
        try (LoadedModel bert = ModelBuilder.create(new HfConfig(Path.of("test"), SHAPE.config("bert", false)),
                DataType.FLOAT32, 1)) {
            TrainingFlops counted = TrainingFlops.of(bert.model(), SHAPE);
            assertEquals(TrainingFlops.bert(SHAPE), counted);
            // 6N + 12·L·d·T + 6·(d² + V·d)·M/T by hand: N = 3·(4·(48² + 48) + 2·48·192 + 192 + 48 + 4·48) + 2·48.
            long n = 3 * (4 * (48 * 48 + 48) + 2 * 48 * 192 + 192 + 48 + 4 * 48) + 2 * 48;
            double expected = 6.0 * n + 12.0 * 3 * 48 * 40 + 6.0 * (48 * 48 + 700 * 48) * 6 / 40;
            assertEquals(expected, counted.perToken(), 1e-6);
        }
    }

    @Test
    void albertCountsItsSharedLayerOncePerUse() {
        try (LoadedModel albert = ModelBuilder.create(new HfConfig(Path.of("test"), SHAPE.config("albert", false)),
                DataType.FLOAT32, 1);
             LoadedModel bert = ModelBuilder.create(new HfConfig(Path.of("test"), SHAPE.config("bert", false)),
                DataType.FLOAT32, 1)) {
            long albertN = TrainingFlops.of(albert.model(), SHAPE).nonEmbeddingParameters();
            long bertN = TrainingFlops.of(bert.model(), SHAPE).nonEmbeddingParameters();
            // The same layers three times; ALBERT adds its E → d projection (E = 128 from the preset), and its
            // embedding LayerNorm is over E instead of d.
            assertEquals(bertN + 128 * 48 + 48 + 2 * (128 - 48), albertN);
        }
    }

    @Test
    void maskedBatchPredictsFifteenPercentOfDistinctPositionsAfterCls() {
        MaskedBatch batch = MaskedBatch.random(SHAPE, 3);
        int m = SHAPE.maskedPerRow();
        assertEquals(6, m); // round(0.15 · 39)
        assertEquals(SHAPE.batch() * m, batch.positions().length);
        for (int row = 0; row < SHAPE.batch(); row++) {
            Set<Long> seen = new HashSet<>();
            for (int j = 0; j < m; j++) {
                long p = batch.positions()[row * m + j];
                assertTrue(p >= 1 && p < SHAPE.length(), "position " + p);
                assertTrue(seen.add(p), "repeated position " + p);
                if (j > 0) assertTrue(p > batch.positions()[row * m + j - 1], "ascending");
                assertEquals(MaskedBatch.MASK_ID, batch.ids()[(int) (row * SHAPE.length() + p)], "input masked");
                assertEquals(row * SHAPE.length() + p, batch.flatPositions()[row * m + j]);
            }
        }
        assertTrue(Arrays.stream(batch.labels()).allMatch(l -> l >= 0 && l < SHAPE.vocab()));
    }
}
