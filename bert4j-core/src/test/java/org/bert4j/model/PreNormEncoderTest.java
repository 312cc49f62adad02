package org.bert4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.bert4j.config.Activation;
import org.bert4j.config.AttentionNormalizer;
import org.bert4j.config.EmbeddingOrder;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.FeedForward;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.Initialization;
import org.bert4j.config.Normalization;
import org.bert4j.config.PositionEncoding;
import org.bert4j.config.Residual;
import org.bert4j.config.Sharing;
import org.bert4j.config.TokenMixer;
import org.junit.jupiter.api.Test;

/**
 * The variants no released family uses yet, wired together: pre-norm residuals with a final norm, a GLU
 * feed-forward, half-split RoPE on q, k and v, RMSNorm with gain. Pre-norm's defining property: with α = 0 every
 * layer is the identity, so the output is the final norm of the embeddings.
 */
class PreNormEncoderTest {

    private static final int LAYERS = 3;

    private static EncoderSpec spec() {
        return new EncoderSpec(40, 16, LAYERS, 16, 2, 0,
                new PositionEncoding.Rotary(PositionEncoding.RotaryLayout.HALF_SPLIT, 10000, true),
                EmbeddingOrder.NORM_THEN_DROPOUT, false, new Normalization.RmsNorm(1e-6, true), Residual.PRE_NORM,
                new TokenMixer.MultiHeadAttention(2, false, new AttentionNormalizer.Softmax()),
                new FeedForward.Gated(24, Activation.SWISH, false), new Sharing.Unshared(), 0, 0,
                new Initialization.TruncatedNormal(0.2));
    }

    @Test
    void zeroResidualScaleMakesEveryLayerTheIdentity() {
        try (EncoderModel model = EncoderModel.create(spec(), HeadSpec.none(), DataType.FLOAT64).initialize(5);
             NDManager m = NDManager.newBaseManager()) {
            assertTrue(model.namedParameters().containsKey("encoder.final_norm.weight"), "pre-norm has a final norm");
            assertTrue(model.namedParameters().containsKey("encoder.layers.0.ffn.gate.weight"), "GLU has a gate");
            NDArray ids = m.create(new long[][] {{2, 7, 9, 11, 3}});
            model.setResidualScale(0f);
            Encoder.Output out = model.encode(ids, null, null, false);
            NDArray embeddings = out.hiddenStates().get(0);
            for (int l = 1; l < LAYERS; l++) { // the last state is the final norm's output
                assertEquals(0.0, out.hiddenStates().get(l).sub(embeddings).abs().max().getDouble(), 0.0, "layer " + l);
            }
            NDArray normalised = embeddings.div(embeddings.square().mean(new int[] {-1}, true).add(1e-6).sqrt())
                    .mul(model.namedParameters().get("encoder.final_norm.weight").value());
            assertEquals(0.0, out.last().sub(normalised).abs().max().getDouble(), 1e-12);
            model.setResidualScale(1f);
            assertTrue(model.encode(ids, null, null, false).last().sub(normalised).abs().max().getDouble() > 1e-3,
                    "with α = 1 the layers change the output");
        }
    }

    @Test
    void backwardReachesEveryParameter() {
        try (EncoderModel model = EncoderModel.create(spec(), HeadSpec.none(), DataType.FLOAT32).initialize(6);
             NDManager m = NDManager.newBaseManager()) {
            NDArray ids = m.create(new long[][] {{2, 7, 9, 11, 3}, {4, 5, 6, 0, 0}});
            NDArray mask = m.create(new long[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
            model.requireGradients();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray h = model.encode(ids, null, mask, true).last();
                gc.backward(h.mul(h.getManager().randomNormal(h.getShape(), DataType.FLOAT32)).sum());
            }
            model.forEachParameter("", (path, p) -> {
                NDArray g = p.value().getGradient();
                assertNotNull(g, path);
                assertTrue(g.abs().sum().getFloat() > 0, path + " got no gradient");
            });
        }
    }
}
