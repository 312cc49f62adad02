package org.bert4j.train.optim;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.bert4j.nn.HostStorage;

/**
 * AdamW and LAMB over host memory ({@link HostStorage}), each element read and written once per pass. The engine
 * path spends ≈ 14 full passes over parameter-sized arrays per tensor (every NDArray op is one), which on BERT-base
 * (110M values) cost more than a third of a training step on 2 cores; this is one pass for AdamW, two for LAMB
 * (the trust ratio needs the norms first), and it clears the gradient in the same pass.
 *
 * <p>The arithmetic is the engine path's, operation for operation in float32 (the same products, sums and
 * roundings: PyTorch computes float32 tensors with float32 scalars), so both paths give the same values up to
 * the last bit of a reduction. Large tensors are split into chunks the common fork-join pool updates in
 * parallel; LAMB's per-chunk partial norms are added in chunk order, so the result does not depend on the
 * thread schedule and a resumed run stays bit-exact.
 */
final class FusedMoments {

    /** Floats per parallel chunk: 128 KiB per array, large enough that scheduling costs nothing. */
    private static final int CHUNK = 1 << 15;

    /** Adam's constants for one step, as the float32 scalars the engine path multiplies by. */
    record Coefficients(float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float epsilon,
                        float inverseSqrtC2, boolean correctsV, float directionScale, boolean scalesDirection) {

        /** @param scale the factor on m̂/(√v̂ + ε): lr for AdamW, 1 for LAMB */
        static Coefficients of(AdamSettings s, double c1, double c2, double scale) {
            return new Coefficients((float) s.beta1(), (float) (1 - s.beta1()), (float) s.beta2(), (float) (1 - s.beta2()),
                    (float) s.epsilon(), (float) (1 / Math.sqrt(c2)), c2 != 1, (float) (scale / c1), scale / c1 != 1);
        }
    }

    /** The arrays of one parameter tensor. */
    record Tensor(FloatBuffer x, FloatBuffer g, FloatBuffer m, FloatBuffer v) {
        int size() { return x.capacity(); }
    }

    private FusedMoments() {}

    /** x ← x·(1 − lr·λ) − lr·m̂/(√v̂ + ε) with the moments updated from g first; g ← 0. */
    static void adamW(Tensor t, Coefficients k, float decayFactor, boolean decays) {
        forChunks(t.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                float direction = direction(t, k, i);
                float x = t.x().get(i);
                if (decays) x *= decayFactor;
                t.x().put(i, x - direction);
            }
        });
    }

    /**
     * LAMB: r = m̂/(√v̂ + ε) + λ·x, x ← x − lr·(‖x‖/‖r‖)·r (ratio 1 when a norm is 0); g ← 0. The first pass updates the
     * moments and sums ‖x‖² and ‖r‖²; the second recomputes r from the stored moments (the same floats, so the same
     * r) and applies it.
     */
    static void lamb(Tensor t, Coefficients k, float weightDecay, float learningRate) {
        int chunks = chunks(t.size());
        double[] xx = new double[chunks];
        double[] rr = new double[chunks];
        run(chunks, c -> {
            int from = c * CHUNK, to = Math.min(t.size(), from + CHUNK);
            double sx = 0, sr = 0;
            for (int i = from; i < to; i++) {
                float x = t.x().get(i);
                float r = direction(t, k, i);
                if (weightDecay > 0) r += x * weightDecay;
                sx += (double) x * x;
                sr += (double) r * r;
            }
            xx[c] = sx;
            rr[c] = sr;
        });
        double sumX = 0, sumR = 0;
        for (int c = 0; c < chunks; c++) {
            sumX += xx[c];
            sumR += rr[c];
        }
        float xNorm = (float) Math.sqrt(sumX), rNorm = (float) Math.sqrt(sumR);
        float ratio = xNorm > 0 && rNorm > 0 ? xNorm / rNorm : 1f;
        float step = ratio * learningRate;
        forChunks(t.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                float x = t.x().get(i);
                float r = storedDirection(t, k, i);
                if (weightDecay > 0) r += x * weightDecay;
                t.x().put(i, x - r * step);
            }
        });
    }

    /** Updates m[i] and v[i] from g[i], clears g[i], and returns scale·m̂/(√v̂ + ε). */
    private static float direction(Tensor t, Coefficients k, int i) {
        float g = t.g().get(i);
        float m = t.m().get(i) * k.beta1() + g * k.oneMinusBeta1();
        float v = t.v().get(i) * k.beta2() + g * g * k.oneMinusBeta2();
        t.m().put(i, m);
        t.v().put(i, v);
        t.g().put(i, 0f);
        return adam(m, v, k);
    }

    /** scale·m̂/(√v̂ + ε) from the already updated moments. */
    private static float storedDirection(Tensor t, Coefficients k, int i) {
        return adam(t.m().get(i), t.v().get(i), k);
    }

    private static float adam(float m, float v, Coefficients k) {
        float denominator = (float) Math.sqrt(v);
        if (k.correctsV()) denominator *= k.inverseSqrtC2();
        float direction = m / (denominator + k.epsilon());
        return k.scalesDirection() ? direction * k.directionScale() : direction;
    }

    private interface Range {
        void apply(int from, int to);
    }

    private interface Chunk {
        void apply(int chunk);
    }

    private static void forChunks(int size, Range range) {
        run(chunks(size), c -> range.apply(c * CHUNK, Math.min(size, c * CHUNK + CHUNK)));
    }

    private static int chunks(int size) { return Math.max(1, (size + CHUNK - 1) / CHUNK); }

    private static void run(int chunks, Chunk chunk) {
        if (chunks == 1) {
            chunk.apply(0);
        } else {
            IntStream.range(0, chunks).parallel().forEach(chunk::apply);
        }
    }
}
