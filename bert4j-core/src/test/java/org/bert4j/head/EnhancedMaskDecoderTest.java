package org.bert4j.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Parameter;
import org.bert4j.nn.TransformerLayer;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.testing.TinyModels.Batch;
import org.junit.jupiter.api.Test;

/**
 * DeBERTa's enhanced mask decoder on a tiny v3 model: it starts from the last layer's input plus absolute positions,
 * so with a zero position table its first step is the encoder's own last layer, and the decoder's output is that
 * layer run once more with those states as queries; real positions change what it predicts.
 */
class EnhancedMaskDecoderTest {

    @Test
    void withoutPositionsTheDecoderRepeatsTheLastLayer() {
        try (LoadedModel loaded = ModelBuilder.create(TinyModels.hf("deberta_v3_emd"), DataType.FLOAT64, 3);
             NDManager m = NDManager.newBaseManager()) {
            EncoderModel model = loaded.model();
            Batch b = TinyModels.batch(m, TinyModels.config("deberta_v3_emd"), new long[] {7, 5}, 7, 4);
            Encoder.Output out = model.encode(b.ids(), b.types(), b.mask(), false);
            double[] withPositions = model.mlm().states(model.encoder(), out).toDoubleArray();

            Parameter table = model.namedParameters().get("mlm.mask_decoder.positions.weight");
            table.set(table.value().zerosLike());
            NDArray decoded = model.mlm().states(model.encoder(), out);
            TransformerLayer last = (TransformerLayer) model.encoder().layer(1);
            NDArray input = out.hiddenStates().get(1);
            NDArray again = last.forward(out.last(), input, out.positions(), out.context());
            assertArrayEquals(again.toDoubleArray(), decoded.toDoubleArray(), 1e-12,
                    "step 1 = the encoder's last layer, step 2 = that layer with its output as queries");
            double diff = 0;
            double[] zero = decoded.toDoubleArray();
            for (int i = 0; i < zero.length; i++) diff = Math.max(diff, Math.abs(zero[i] - withPositions[i]));
            assertTrue(diff > 1e-3, "absolute positions change the decoder's states (max |Δ| " + diff + ")");
        }
    }
}
