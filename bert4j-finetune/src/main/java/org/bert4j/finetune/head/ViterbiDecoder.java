package org.bert4j.finetune.head;

/**
 * The highest-scoring tag path of a linear-chain CRF, by dynamic programming in Java doubles:
 *
 * <pre>
 *   δ_0(k) = start_k + e_0(k)
 *   δ_t(k) = max_j [δ_{t−1}(j) + A(j, k)] + e_t(k)        ψ_t(k) = the argmax j
 *   best   = argmax_k δ_{T−1}(k) + end_k, then follow ψ back to t = 0
 * </pre>
 *
 * with disallowed starts, transitions and ends scored −∞. It runs on the host: decoding is never differentiated,
 * and T steps of a K×K max are far cheaper in a Java loop than T engine calls. Ties go to the lowest tag index.
 */
public final class ViterbiDecoder {

    private final int numTags;
    private final double[] start;
    private final double[] transitions; // [from · K + to]
    private final double[] end;

    /**
     * @param transitions A(from, to) row-major, K·K values
     * @param start       K scores of the first tag
     * @param end         K scores of the last tag
     */
    public ViterbiDecoder(double[] transitions, double[] start, double[] end, TransitionConstraints constraints) {
        this.numTags = start.length;
        if (transitions.length != numTags * numTags || end.length != numTags || constraints.numTags() != numTags) {
            throw new IllegalArgumentException("expected " + numTags + " tags everywhere, got " + transitions.length
                    + " transition scores, " + end.length + " end scores, constraints over " + constraints.numTags());
        }
        this.start = start.clone();
        this.transitions = transitions.clone();
        this.end = end.clone();
        for (int k = 0; k < numTags; k++) {
            if (!constraints.allowedStart(k)) this.start[k] = Double.NEGATIVE_INFINITY;
            if (!constraints.allowedEnd(k)) this.end[k] = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < numTags; j++) {
                if (!constraints.allowed(j, k)) this.transitions[j * numTags + k] = Double.NEGATIVE_INFINITY;
            }
        }
    }

    /**
     * The best path of one sequence.
     *
     * @param emissions row-major (…, K) scores; the sequence's rows start at {@code offset}
     * @param length    number of steps; 0 gives an empty path
     */
    public int[] decode(double[] emissions, int offset, int length) {
        int k = numTags;
        int[] path = new int[length];
        if (length == 0) return path;
        int[][] backPointers = new int[length][k];
        double[] delta = new double[k];
        double[] next = new double[k];
        for (int tag = 0; tag < k; tag++) delta[tag] = start[tag] + emissions[offset + tag];
        for (int t = 1; t < length; t++) {
            int row = offset + t * k;
            for (int to = 0; to < k; to++) {
                double best = Double.NEGATIVE_INFINITY;
                int argBest = 0;
                for (int from = 0; from < k; from++) {
                    double s = delta[from] + transitions[from * k + to];
                    if (s > best) {
                        best = s;
                        argBest = from;
                    }
                }
                next[to] = best + emissions[row + to];
                backPointers[t][to] = argBest;
            }
            double[] swap = delta;
            delta = next;
            next = swap;
        }
        double best = Double.NEGATIVE_INFINITY;
        int last = -1;
        for (int tag = 0; tag < k; tag++) {
            double s = delta[tag] + end[tag];
            if (s > best) {
                best = s;
                last = tag;
            }
        }
        if (last < 0) throw new IllegalStateException("no tag path of length " + length + " satisfies the constraints");
        path[length - 1] = last;
        for (int t = length - 1; t > 0; t--) path[t - 1] = backPointers[t][path[t]];
        return path;
    }
}
