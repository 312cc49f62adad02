package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.bert4j.nn.Linear;
import org.bert4j.nn.RotaryPositionEncoding;
import org.bert4j.nn.Scalars;

/**
 * Efficient GlobalPointer (Su Jianlin 2022, "Efficient GlobalPointer：少点参数，多点效果"): one shared start/end
 * projection for all types, and the type enters only through a cheap bias on each end of the span,
 *
 * <pre>
 *   p_i = P h_i + c  (2·headSize, q at even and k at odd coordinates)     q(i) = p_i[0::2], k(j) = p_j[1::2]
 *   [b_α,end ; b_α,start](i) = Q p_i + e   (types·2: even = end bias, odd = start bias)
 *   s_α(i, j) = RoPE(q(i)) · RoPE(k(j)) / √headSize + (b_α,start(i) + b_α,end(j)) / 2
 * </pre>
 *
 * Why: the standard head spends d·2·headSize parameters per type on what is mostly shared "is this a span"
 * knowledge; sharing it and keeping a per-type bias has far fewer parameters and, by Su's results, equal or better
 * F1. The bias reads the projection p (not h), exactly as bert4keras' {@code EfficientGlobalPointer} whose layer
 * names {@code p_dense}, {@code q_dense} are kept.
 */
public final class EfficientGlobalPointer extends GlobalPointer {

    private final int hidden;
    private final Linear spanProjection;
    private final Linear typeBias;

    EfficientGlobalPointer(int hidden, int types, int headSize) {
        super(types, headSize);
        this.hidden = hidden;
        this.spanProjection = addChild("p_dense", new Linear(hidden, 2 * headSize, true));
        this.typeBias = addChild("q_dense", new Linear(2 * headSize, types * 2, true));
    }

    @Override
    NDArray unmaskedScores(NDArray hidden, RotaryPositionEncoding.Tables tables) {
        Shape h = hidden.getShape();
        long batch = h.get(0);
        long length = h.get(1);
        NDArray p = spanProjection.forward(hidden);                                   // (B, T, 2·headSize)
        NDList qk = p.reshape(batch, length, headSize(), 2).split(2, 3);               // interleaved q, k
        NDArray shared = rotatedDot(qk.get(0).squeeze(3), qk.get(1).squeeze(3), tables).expandDims(1); // (B, 1, T, T)
        NDArray bias = typeBias.forward(p).mul(Scalars.like(p, 0.5))                    // (B, T, types·2), halved
                .reshape(batch, length, types(), 2)
                .transpose(0, 2, 3, 1);                                                 // (B, types, 2, T)
        NDArray endBias = bias.get(":, :, 0, :").expandDims(2);                         // (B, types, 1, T): over j
        NDArray startBias = bias.get(":, :, 1, :").expandDims(3);                       // (B, types, T, 1): over i
        return shared.add(endBias).add(startBias);                                      // (B, types, T, T)
    }

    @Override
    public String describe() {
        return "EfficientGlobalPointer(d=" + hidden + " → " + types() + " types, head size " + headSize() + ", RoPE)";
    }
}
