package org.bert4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.bert4j.config.Activation;

/**
 * Gated attention unit (Hua et al., "Transformer Quality in Linear Time"; bert4keras {@code GatedAttentionUnit}):
 * [U | V | Z] = act(x·W_i); Q = Z⊙γ_q (+β_q), K = Z⊙γ_k (+β_k); RoPE on Q, K; A = normalise(QKᵀ/√s);
 * O = (U ⊙ A·V)·W_o. One head of size s replaces multi-head attention and the FFN together.
 */
public final class GatedAttentionUnit extends Module {

    private final int hidden;
    private final int expansion;
    private final int keySize;
    private final Activation activation;
    private final ScoreNormalizer normalizer;
    private final double attentionDropout;
    private final Linear input;
    private final Parameter queryScale;
    private final Parameter keyScale;
    private final Parameter queryOffset;
    private final Parameter keyOffset;
    private final Linear output;

    public GatedAttentionUnit(int hidden, int expansion, int keySize, Activation activation, ScoreNormalizer normalizer,
                              boolean bias, double attentionDropout) {
        this.hidden = hidden;
        this.expansion = expansion;
        this.keySize = keySize;
        this.activation = activation;
        this.normalizer = normalizer;
        this.attentionDropout = attentionDropout;
        this.input = addChild("input", new Linear(hidden, 2 * expansion + keySize, bias));
        this.queryScale = addParameter("query_scale", new Parameter(new Shape(keySize), Parameter.Init.ONES));
        this.keyScale = addParameter("key_scale", new Parameter(new Shape(keySize), Parameter.Init.ONES));
        this.queryOffset = bias ? addParameter("query_offset", new Parameter(new Shape(keySize), Parameter.Init.ZEROS)) : null;
        this.keyOffset = bias ? addParameter("key_offset", new Parameter(new Shape(keySize), Parameter.Init.ZEROS)) : null;
        this.output = addChild("output", new Linear(expansion, hidden, bias));
    }

    public NDArray forward(NDArray x, PositionContext positions, ForwardContext ctx) {
        NDArray h = Activations.apply(activation, input.forward(x)); // (B, T, 2e + s)
        NDList uvz = h.split(new long[] {expansion, 2L * expansion}, 2); // U (B,T,e), V (B,T,e), Z (B,T,s)
        NDArray z = uvz.get(2); // (B, T, s)
        NDArray q = z.mul(queryScale.value());
        NDArray k = z.mul(keyScale.value());
        if (queryOffset != null) {
            q = q.add(queryOffset.value());
            k = k.add(keyOffset.value());
        }
        PositionContext.QueryKey qk = positions.rotate(q, k);
        NDArray query = qk.query().div(Scalars.like(qk.query(), Math.sqrt(keySize))); // on q: smaller than the scores
        NDArray scores = query.matMul(qk.key().transpose(0, 2, 1)); // (B, T, T), the normaliser's to overwrite
        NDArray weights = normalizer.normalize(scores.expandDims(1), positions.mask()).squeeze(1); // (B, T, T)
        weights = Dropout.apply(weights, attentionDropout, ctx);
        NDArray gated = uvz.get(0).mul(weights.matMul(uvz.get(1))); // (B, T, e)
        return output.forward(gated); // (B, T, d)
    }

    @Override
    public String describe() {
        return "GatedAttentionUnit(d=" + hidden + ", e=" + expansion + ", s=" + keySize + ", " + activation.hfName()
                + ", " + normalizer.describe() + (queryOffset == null ? ", no bias" : ", bias") + ")";
    }
}
