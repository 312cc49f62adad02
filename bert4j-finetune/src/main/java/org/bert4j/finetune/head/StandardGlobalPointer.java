package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.bert4j.nn.Linear;
import org.bert4j.nn.RotaryPositionEncoding;

/**
 * The original GlobalPointer: each type α has its own start and end projections,
 *
 * <pre>
 *   [q_α(i); k_α(i)] = W_α h_i + b_α        s_α(i, j) = RoPE(q_α(i)) · RoPE(k_α(j)) / √headSize
 * </pre>
 *
 * all types in one Linear {@code dense} of d → types·2·headSize whose output is laid out per type as
 * [q (headSize), k (headSize)], as in bert4keras' {@code GlobalPointer} (whose {@code dense} kernel, Keras
 * layout [d, out], is this weight transposed).
 */
public final class StandardGlobalPointer extends GlobalPointer {

    private final int hidden;
    private final Linear dense;

    StandardGlobalPointer(int hidden, int types, int headSize) {
        super(types, headSize);
        this.hidden = hidden;
        this.dense = addChild("dense", new Linear(hidden, types * 2 * headSize, true));
    }

    @Override
    NDArray unmaskedScores(NDArray hidden, RotaryPositionEncoding.Tables tables) {
        Shape h = hidden.getShape();
        NDArray perType = dense.forward(hidden)
                .reshape(h.get(0), h.get(1), types(), 2L * headSize())
                .transpose(0, 2, 1, 3);                     // (B, types, T, 2·headSize)
        NDList qk = perType.split(2, 3);                     // q = first half, k = second half
        return rotatedDot(qk.get(0), qk.get(1), tables);     // (B, types, T, T)
    }

    @Override
    public String describe() {
        return "GlobalPointer(d=" + hidden + " → " + types() + " types, head size " + headSize() + ", RoPE)";
    }
}
