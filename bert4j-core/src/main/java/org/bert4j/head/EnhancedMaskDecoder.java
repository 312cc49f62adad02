package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.bert4j.model.Encoder;
import org.bert4j.nn.EmbeddingTable;
import org.bert4j.nn.EncoderLayer;
import org.bert4j.nn.Module;
import org.bert4j.nn.TransformerLayer;

/**
 * DeBERTa's enhanced mask decoder (He et al. 2021, section 3.2; the DeBERTa code's {@code EnhancedMaskDecoder}):
 * a model that sees positions only relatively gets the absolute ones back just before predicting masked tokens.
 * With H the last layer's input and P an absolute position table, q₀ = H + P, then twice q = last_layer(queries q,
 * keys and values H), sharing the last layer's weights; the MLM head reads the result. The table is the head's
 * (the DeBERTa code keeps it as {@code embeddings.position_embeddings}, which HF's loaders skip).
 */
public final class EnhancedMaskDecoder extends Module {

    private static final int STEPS = 2;

    private final EmbeddingTable positions;

    public EnhancedMaskDecoder(int maxPositions, int hidden) {
        this.positions = addChild("positions", new EmbeddingTable(maxPositions, hidden));
    }

    /** (B, T, d) states for the MLM head. */
    public NDArray decode(Encoder encoder, Encoder.Output encoded) {
        if (encoded.positions() == null) {
            throw new IllegalArgumentException("the enhanced mask decoder needs the encoder pass itself, not bare states");
        }
        List<NDArray> states = encoded.hiddenStates();
        int layers = states.size() - 1;
        EncoderLayer last = encoder.layer(layers - 1);
        if (!(last instanceof TransformerLayer layer)) {
            throw new IllegalStateException("the enhanced mask decoder re-runs an attention + FFN layer, not " + last.describe());
        }
        NDArray keysValues = states.get(layers - 1); // (B, T, d): the last layer's input
        long length = keysValues.getShape().get(1);
        if (length > positions.rows()) {
            throw new IllegalArgumentException("sequence length " + length + " exceeds the mask decoder's " + positions.rows()
                    + " positions (max_position_embeddings)");
        }
        NDArray ids = keysValues.getManager().arange(0, length, 1, DataType.INT64);
        NDArray query = keysValues.add(positions.forward(ids)); // (B, T, d)
        for (int step = 0; step < STEPS; step++) {
            query = layer.forward(query, keysValues, encoded.positions(), encoded.context());
        }
        return query;
    }

    @Override
    public String describe() {
        return "EnhancedMaskDecoder(" + positions.rows() + " absolute positions, last layer twice)";
    }
}
