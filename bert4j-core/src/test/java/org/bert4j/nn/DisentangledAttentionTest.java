package org.bert4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Random;
import org.bert4j.config.AttentionNormalizer;
import org.bert4j.config.Initialization;
import org.bert4j.config.PositionEncoding;
import org.bert4j.model.ParameterInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DisentangledSelfAttention} against a direct float64 loop over MODELS.md's formula, on a tiny padded batch:
 * A_ij = [q_i·k_j + q_i·K^r_δ(i,j) + k_j·Q^r_δ(i,j)] / √(d_h·(1 + #terms)), softmax over the real keys, times V,
 * then the output projection. δ is computed here from the bucket formula in double precision, independently of
 * {@link RelativePositionBuckets}, and the relative rows are projected row by row.
 */
class DisentangledAttentionTest {

    private static final int D = 8;
    private static final int HEADS = 2;
    private static final int T = 7;
    private static final long[] LENGTHS = {7, 5};

    @ParameterizedTest(name = "c2p {0}, p2c {1}, shared {2}, buckets {3}, max {4}, separate queries {5}")
    @CsvSource({
            "true, true, true, 8, 16, false",     // DeBERTaV3's switches, with log buckets for offsets 5 and 6
            "true, true, false, -1, 4, false",     // own position projections; offsets beyond ±4 clamp
            "true, false, true, -1, 16, false",
            "false, true, false, 8, 16, false",
            "false, false, true, -1, 16, false",   // content only
            "true, true, true, 8, 16, true"        // queries from another input, as the enhanced mask decoder runs it
    })
    void equalsADirectLoopOverTheFormula(boolean c2p, boolean p2c, boolean shared, int buckets, int maxRelative,
                                         boolean separateQueries) {
        PositionEncoding.Relative spec = new PositionEncoding.Relative(buckets, maxRelative, true, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            DisentangledSelfAttention attention = new DisentangledSelfAttention(D, HEADS, c2p, p2c, shared,
                    ScoreNormalizer.of(new AttentionNormalizer.Softmax()), 0);
            RelativePositionEmbeddings relative = new RelativePositionEmbeddings(spec, D, new LayerNorm(D, 1e-7), 0);
            randomize(attention, m, 1);
            randomize(relative, m, 2);
            Random random = new Random(3);
            double[][][] x = gaussian(random);
            double[][][] queries = separateQueries ? gaussian(random) : x;
            long[][] mask = new long[LENGTHS.length][T];
            for (int b = 0; b < LENGTHS.length; b++) for (int t = 0; t < LENGTHS[b]; t++) mask[b][t] = 1;

            PositionContext positions = new PositionContext(AttentionMask.of(m.create(mask), DataType.FLOAT64), null, null,
                    false, relative.context(m, T, ForwardContext.INFERENCE));
            NDArray out = attention.forward(array(m, queries), array(m, x), positions, ForwardContext.INFERENCE); // (B, T, d)

            double[][] table = layerNorm(values(relative, "table.weight", 2 * spec.span(), D),
                    values(relative, "norm.weight", 1, D)[0], values(relative, "norm.bias", 1, D)[0]);
            double[][][] expected = reference(attention, queries, x, table, spec, c2p, p2c, shared);
            for (int b = 0; b < LENGTHS.length; b++) {
                for (int i = 0; i < LENGTHS[b]; i++) { // padded query rows are garbage in every implementation
                    for (int k = 0; k < D; k++) {
                        assertEquals(expected[b][i][k], out.getDouble(b, i, k), 1e-12, "(" + b + ", " + i + ", " + k + ")");
                    }
                }
            }
        }
    }

    private static double[][][] gaussian(Random random) {
        double[][][] x = new double[LENGTHS.length][T][D];
        for (double[][] row : x) for (double[] v : row) for (int k = 0; k < D; k++) v[k] = random.nextGaussian();
        return x;
    }

    private static NDArray array(NDManager m, double[][][] x) {
        double[] flat = new double[LENGTHS.length * T * D];
        for (int b = 0; b < LENGTHS.length; b++) for (int t = 0; t < T; t++) System.arraycopy(x[b][t], 0, flat, (b * T + t) * D, D);
        return m.create(flat, new Shape(LENGTHS.length, T, D));
    }

    /** Queries projected from {@code xq}, keys and values from {@code x}. */
    private static double[][][] reference(DisentangledSelfAttention a, double[][][] xq, double[][][] x, double[][] table,
                                          PositionEncoding.Relative spec, boolean c2p, boolean p2c, boolean shared) {
        int dh = D / HEADS;
        double scale = Math.sqrt(dh * (1.0 + (c2p ? 1 : 0) + (p2c ? 1 : 0)));
        double[][][] out = new double[x.length][T][D];
        for (int b = 0; b < x.length; b++) {
            double[][] q = linear(a, "query", xq[b]);
            double[][] k = linear(a, "key", x[b]);
            double[][] v = linear(a, "value", x[b]);
            double[][] keyRows = c2p ? linear(a, shared ? "key" : "position_key", table) : null;
            double[][] queryRows = p2c ? linear(a, shared ? "query" : "position_query", table) : null;
            double[][] context = new double[T][D];
            for (int h = 0; h < HEADS; h++) {
                int o = h * dh;
                for (int i = 0; i < T; i++) {
                    double[] scores = new double[(int) LENGTHS[b]];
                    for (int j = 0; j < LENGTHS[b]; j++) {
                        int delta = delta(i, j, spec);
                        double s = dot(q[i], k[j], o, dh);
                        if (c2p) s += dot(q[i], keyRows[delta], o, dh);
                        if (p2c) s += dot(k[j], queryRows[delta], o, dh);
                        scores[j] = s / scale;
                    }
                    double max = Double.NEGATIVE_INFINITY;
                    for (double s : scores) max = Math.max(max, s);
                    double sum = 0;
                    for (int j = 0; j < scores.length; j++) sum += scores[j] = Math.exp(scores[j] - max);
                    for (int j = 0; j < scores.length; j++) {
                        for (int c = 0; c < dh; c++) context[i][o + c] += scores[j] / sum * v[j][o + c];
                    }
                }
            }
            out[b] = linear(a, "output", context);
        }
        return out;
    }

    /** clamp(bucket(i − j) + span, 0, 2·span − 1), the bucket in plain double arithmetic. */
    private static int delta(int i, int j, PositionEncoding.Relative spec) {
        int r = i - j;
        int bucket = r;
        int mid = spec.positionBuckets() / 2;
        if (spec.positionBuckets() > 0 && Math.abs(r) > mid) {
            double log = Math.log(Math.abs(r) / (double) mid) / Math.log((spec.maxRelativePositions() - 1) / (double) mid);
            bucket = (int) Math.signum(r) * ((int) Math.ceil(log * (mid - 1)) + mid);
        }
        return Math.max(0, Math.min(2 * spec.span() - 1, bucket + spec.span()));
    }

    private static double dot(double[] a, double[] b, int offset, int n) {
        double s = 0;
        for (int c = 0; c < n; c++) s += a[offset + c] * b[offset + c];
        return s;
    }

    /** rows·Wᵀ + b with the block's parameters {@code name.weight}, {@code name.bias}. */
    private static double[][] linear(Module block, String name, double[][] rows) {
        double[][] w = values(block, name + ".weight", D, D);
        double[] bias = values(block, name + ".bias", 1, D)[0];
        double[][] out = new double[rows.length][D];
        for (int r = 0; r < rows.length; r++) {
            for (int o = 0; o < D; o++) {
                double s = bias[o];
                for (int c = 0; c < D; c++) s += w[o][c] * rows[r][c];
                out[r][o] = s;
            }
        }
        return out;
    }

    private static double[][] layerNorm(double[][] rows, double[] gain, double[] offset) {
        double[][] out = new double[rows.length][D];
        for (int r = 0; r < rows.length; r++) {
            double mean = 0;
            for (double v : rows[r]) mean += v / D;
            double var = 0;
            for (double v : rows[r]) var += (v - mean) * (v - mean) / D;
            for (int c = 0; c < D; c++) out[r][c] = (rows[r][c] - mean) / Math.sqrt(var + 1e-7) * gain[c] + offset[c];
        }
        return out;
    }

    private static double[][] values(Module block, String path, int rows, int cols) {
        double[] flat = block.namedParameters().get(path).value().toDoubleArray();
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) System.arraycopy(flat, r * cols, out[r], 0, cols);
        return out;
    }

    /** float64 values for everything, biases and norm gains included, so no term is trivially zero or one. */
    private static void randomize(Module block, NDManager m, long seed) {
        ParameterInitializer.initialize(block, m, DataType.FLOAT64, new Initialization.TruncatedNormal(0.5), 1, seed);
        Random random = new Random(seed);
        for (Map.Entry<String, Parameter> e : block.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            if (p.init() == Parameter.Init.RANDOM) continue;
            double[] v = new double[Math.toIntExact(p.shape().size())];
            for (int i = 0; i < v.length; i++) v[i] = 1 + 0.5 * random.nextGaussian();
            p.set(m.create(v, new Shape(p.shape().getShape())));
        }
    }
}
