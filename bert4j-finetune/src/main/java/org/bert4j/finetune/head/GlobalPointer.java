package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.config.PositionEncoding.RotaryLayout;
import org.bert4j.nn.Module;
import org.bert4j.nn.RotaryPositionEncoding;
import org.bert4j.nn.Scalars;

/**
 * GlobalPointer (Su Jianlin 2021, "GlobalPointer：用统一的方式处理嵌套和非嵌套NER"): every candidate span (i, j),
 * i ≤ j, of every type α gets one score s_α(i, j), and a span is predicted when its score is above 0.
 *
 * <p>Why: tagging schemes (BIO + CRF) give each token one label, so they cannot express nested or overlapping
 * entities, and extractive QA wants a (start, end) pair, not a tag sequence. Scoring the (start, end) pair directly
 * handles both, and decoding is a threshold instead of a search. The span score is a dot product of a start
 * representation q(i) and an end representation k(j); RoPE (RoFormer, {@link RotaryPositionEncoding}, interleaved
 * pairs, base 10000) is applied to q and k so that the score knows the span's length j − i, which a plain dot product
 * of position-free projections would not.
 *
 * <p>Scores of spans that cannot exist, i &gt; j or either end on padding, are set to {@link #EXCLUDED} = −10¹²: such
 * an entry contributes e^{−10¹²} = 0 to ZLPR's sum over negatives ({@link #loss}) and gets zero gradient, and it is
 * never above the decoding threshold. Training is ZLPR ({@link ZlprLoss}) over the T·T scores of each (example, type).
 *
 * <p>Two variants: {@link StandardGlobalPointer} (separate q, k per type) and {@link EfficientGlobalPointer} (shared
 * q, k plus a per-type start and end bias; far fewer parameters for many types).
 */
public abstract sealed class GlobalPointer extends Module permits StandardGlobalPointer, EfficientGlobalPointer {

    /** The score of a span that cannot exist: finite (so 0 · it stays 0), and e^it underflows to exactly 0. */
    public static final double EXCLUDED = -1e12;
    /** The head size Su used. */
    public static final int DEFAULT_HEAD_SIZE = 64;

    private final int types;
    private final int headSize;
    private final RotaryPositionEncoding rope;

    GlobalPointer(int types, int headSize) {
        if (types < 1) throw new IllegalArgumentException("need at least one span type, got " + types);
        if (headSize < 2 || headSize % 2 != 0) throw new IllegalArgumentException("head size must be even, got " + headSize);
        this.types = types;
        this.headSize = headSize;
        this.rope = new RotaryPositionEncoding(headSize, 10000, RotaryLayout.INTERLEAVED);
    }

    /** Separate q and k projections per type: one Linear d → types·2·headSize. */
    public static GlobalPointer standard(int hidden, int types, int headSize) {
        return new StandardGlobalPointer(hidden, types, headSize);
    }

    /** Shared q and k (Linear d → 2·headSize) plus per-type start/end biases (Linear 2·headSize → types·2). */
    public static GlobalPointer efficient(int hidden, int types, int headSize) {
        return new EfficientGlobalPointer(hidden, types, headSize);
    }

    /**
     * Span scores.
     *
     * @param hidden (B, T, d) encoder output
     * @param mask   (B, T) 1 at real tokens (integer or boolean)
     * @return (B, types, T, T): s_α(i, j) at [b, α, i, j], {@link #EXCLUDED} where i &gt; j or i or j is padding
     */
    public final NDArray scores(NDArray hidden, NDArray mask) {
        Shape h = hidden.getShape();
        if (h.dimension() != 3 || !mask.getShape().equals(h.slice(0, 2))) {
            throw new IllegalArgumentException("expected (B, T, d) hidden states and a (B, T) mask, got " + h + " and " + mask.getShape());
        }
        int length = Math.toIntExact(h.get(1));
        RotaryPositionEncoding.Tables tables = rope.tables(hidden.getManager(), length, hidden.getDataType());
        NDArray scores = unmaskedScores(hidden, tables); // (B, types, T, T)
        NDArray possible = possibleSpans(mask).expandDims(1).broadcast(scores.getShape());
        return NDArrays.where(possible, scores, Scalars.like(scores, EXCLUDED));
    }

    /** The variant's s_α(i, j) for every (i, j): (B, T, d) → (B, types, T, T). */
    abstract NDArray unmaskedScores(NDArray hidden, RotaryPositionEncoding.Tables tables);

    /** q·kᵀ / √headSize over the last two axes: (…, T, headSize) twice → (…, T, T), with RoPE applied to both. */
    final NDArray rotatedDot(NDArray q, NDArray k, RotaryPositionEncoding.Tables tables) {
        NDArray qr = rope.apply(q, tables);
        NDArray kr = rope.apply(k, tables);
        int last = k.getShape().dimension() - 1;
        return qr.matMul(kr.swapAxes(last - 1, last)).mul(Scalars.like(qr, 1 / Math.sqrt(headSize)));
    }

    /** (B, T) mask → (B, T, T) boolean: i ≤ j and both real. */
    private static NDArray possibleSpans(NDArray mask) {
        long length = mask.getShape().get(1);
        NDArray real = mask.toType(DataType.BOOLEAN, false);
        NDArray position = mask.getManager().arange(0, length, 1, DataType.INT64);
        NDArray startBeforeEnd = position.expandDims(1).lte(position.expandDims(0)); // (T, T): i ≤ j
        return real.expandDims(2).logicalAnd(real.expandDims(1)).logicalAnd(startBeforeEnd);
    }

    /**
     * ZLPR over the T·T span scores of each (example, type), averaged over B·types.
     *
     * @param scores (B, types, T, T) from {@link #scores}
     * @param gold   (B, types, T, T) 0/1 or boolean, e.g. {@link SpanTargets#of}; only possible spans may be gold
     */
    public static NDArray loss(NDArray scores, NDArray gold) {
        Shape s = scores.getShape();
        if (s.dimension() != 4 || !s.equals(gold.getShape())) {
            throw new IllegalArgumentException("expected (B, types, T, T) scores and gold of one shape, got " + s + " and " + gold.getShape());
        }
        long rows = s.get(0) * s.get(1);
        long columns = s.get(2) * s.get(3);
        return ZlprLoss.loss(scores.reshape(rows, columns), gold.reshape(rows, columns));
    }

    /** Every (type, i, j) with score &gt; 0, per example, ordered by type, start, end. Reads the scores to the host. */
    public static List<List<Span>> decode(NDArray scores) {
        Shape s = scores.getShape();
        int batch = Math.toIntExact(s.get(0));
        int types = Math.toIntExact(s.get(1));
        int length = Math.toIntExact(s.get(2));
        double[] v;
        if (scores.getDataType() == DataType.FLOAT64) {
            v = scores.toDoubleArray();
        } else {
            try (NDArray converted = scores.toType(DataType.FLOAT64, false)) {
                v = converted.toDoubleArray();
            }
        }
        List<List<Span>> out = new ArrayList<>(batch);
        int at = 0;
        for (int b = 0; b < batch; b++) {
            List<Span> spans = new ArrayList<>();
            for (int type = 0; type < types; type++) {
                for (int i = 0; i < length; i++) {
                    for (int j = 0; j < length; j++, at++) {
                        if (v[at] > 0) spans.add(new Span(type, i, j));
                    }
                }
            }
            out.add(spans);
        }
        return out;
    }

    public final int types() { return types; }

    public final int headSize() { return headSize; }
}
