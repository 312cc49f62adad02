package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.bert4j.nn.Module;
import org.bert4j.nn.Parameter;

/**
 * Linear-chain conditional random field over per-token emission scores (Lafferty et al. 2001; the BERT-CRF tagger).
 * A tag path y of length n scores
 *
 * <pre>
 *   score(y) = start_{y_0} + Σ_{t&lt;n} e_t(y_t) + Σ_{0&lt;t&lt;n} A(y_{t−1}, y_t) + end_{y_{n−1}}
 * </pre>
 *
 * and p(y | x) = exp score(y) / Z with Z = Σ over all Kⁿ paths. Why a CRF over a per-token softmax: the transition
 * matrix A lets the tagger learn that {@code I-PER} follows {@code B-PER} and not {@code O}, and the likelihood is of
 * whole paths, so one confident token can fix its neighbours.
 *
 * <p>Training minimises −log p(gold) = log Z − score(gold), with log Z by the forward algorithm in log space (exact,
 * O(n·K²)). Sequences of different lengths share a batch through a (B, T) mask; masks are left-aligned (each row is
 * ones then zeros, at least one one) and padded steps change nothing. Decoding is Viterbi on the host
 * ({@link ViterbiDecoder}), optionally restricted by {@link TransitionConstraints}.
 *
 * <p>Parameters (pytorch-crf names): {@code transitions} (K, K) indexed [from, to], {@code start_transitions} (K),
 * {@code end_transitions} (K). All start at zero ("no preference"): the loss is convex in them, so a random start
 * buys nothing.
 */
public final class LinearChainCrf extends Module {

    private final int numTags;
    private final Parameter transitions;
    private final Parameter startTransitions;
    private final Parameter endTransitions;
    private final TransitionConstraints constraints;

    public LinearChainCrf(int numTags) {
        this(numTags, TransitionConstraints.none(numTags));
    }

    /** A CRF whose decoding only outputs paths the constraints allow (training is unaffected). */
    public LinearChainCrf(int numTags, TransitionConstraints constraints) {
        if (numTags < 1) throw new IllegalArgumentException("a CRF needs at least one tag, got " + numTags);
        if (constraints.numTags() != numTags) {
            throw new IllegalArgumentException("constraints over " + constraints.numTags() + " tags for a CRF of " + numTags);
        }
        this.numTags = numTags;
        this.constraints = constraints;
        this.transitions = addParameter("transitions", new Parameter(new Shape(numTags, numTags), Parameter.Init.ZEROS));
        this.startTransitions = addParameter("start_transitions", new Parameter(new Shape(numTags), Parameter.Init.ZEROS));
        this.endTransitions = addParameter("end_transitions", new Parameter(new Shape(numTags), Parameter.Init.ZEROS));
    }

    /**
     * Mean over the batch of −log p(gold path): log Z − score(gold).
     *
     * @param emissions (B, T, K) scores in the parameters' type
     * @param tags      (B, T) gold tag indices, integer type; values at padded steps are ignored
     * @param mask      (B, T) 1 at real steps (integer or boolean), left-aligned
     * @return () differentiable in emissions and the three parameters
     */
    public NDArray negativeLogLikelihood(NDArray emissions, NDArray tags, NDArray mask) {
        return logPartition(emissions, mask).sub(pathScore(emissions, tags, mask)).mean();
    }

    /** log Z per sequence by the forward algorithm: (B, T, K) emissions, (B, T) mask → (B). */
    public NDArray logPartition(NDArray emissions, NDArray mask) {
        checkShapes(emissions, mask);
        long batch = emissions.getShape().get(0);
        long length = emissions.getShape().get(1);
        NDArray real = mask.toType(DataType.BOOLEAN, false);       // (B, T)
        NDArray a = transitions.value();                           // (K, K) [from, to]
        // α_t(k) = log Σ over paths of steps 0..t that end in tag k of exp(score so far)
        NDArray alpha = emissions.get(":, 0, :").add(startTransitions.value()); // (B, K)
        for (long t = 1; t < length; t++) {
            NDArray emission = emissions.get(":, " + t + ", :");   // (B, K)
            // α_t(k) = log Σ_j exp(α_{t−1}(j) + A(j, k)) + e_t(k)
            // (The batch array comes first in every op: DJL attaches a result to the first operand's manager, and the
            // parameters live in the model's long-lived one.)
            NDArray next = LogSumExp.of(alpha.expandDims(2).add(a), 1).add(emission); // (B, K, K) → (B, K)
            // A padded step carries α through unchanged (where's condition must have the values' shape).
            NDArray stepIsReal = real.get(":, " + t).expandDims(1).broadcast(new Shape(batch, numTags));
            alpha = NDArrays.where(stepIsReal, next, alpha);
        }
        return LogSumExp.of(alpha.add(endTransitions.value()), 1); // (B)
    }

    /** score(y) of the given paths: (B, T, K) emissions, (B, T) tags and mask → (B). */
    public NDArray pathScore(NDArray emissions, NDArray tags, NDArray mask) {
        checkShapes(emissions, mask);
        if (!tags.getShape().equals(mask.getShape())) {
            throw new IllegalArgumentException("tags " + tags.getShape() + " and mask " + mask.getShape() + " differ in shape");
        }
        DataType type = emissions.getDataType();
        long length = emissions.getShape().get(1);
        NDArray real = mask.toType(type, false);                                   // (B, T) 1/0
        // Padded tags may hold anything (−100, −1): zero them so one-hot is defined; their terms are masked out.
        NDArray safeTags = tags.toType(DataType.INT64, false).mul(mask.toType(DataType.INT64, false));
        NDArray oneHot = safeTags.oneHot(numTags, type);                           // (B, T, K)

        NDArray emitted = oneHot.mul(emissions).sum(new int[] {2}).mul(real).sum(new int[] {1}); // Σ_t e_t(y_t)
        NDArray started = oneHot.get(":, 0, :").mul(startTransitions.value()).sum(new int[] {1}); // start_{y_0}
        // The last real step is where the mask drops from 1 to 0 (or the final column): mask_t − mask_{t+1}.
        NDArray after = real.get(":, 1:").concat(real.get(":, :1").zerosLike(), 1);
        NDArray isLast = real.sub(after);                                           // (B, T) one 1 per row
        NDArray ended = oneHot.mul(endTransitions.value()).sum(new int[] {2}).mul(isLast).sum(new int[] {1});
        NDArray score = emitted.add(started).add(ended);
        if (length > 1) {
            // A(y_{t−1}, y_t) = onehot_{t−1} · A · onehot_t, counted where step t is real
            NDArray moved = oneHot.get(":, :-1, :").matMul(transitions.value())     // (B, T−1, K): row y_{t−1} of A
                    .mul(oneHot.get(":, 1:, :")).sum(new int[] {2})                // (B, T−1)
                    .mul(real.get(":, 1:")).sum(new int[] {1});
            score = score.add(moved);
        }
        return score;
    }

    /**
     * The Viterbi path of every sequence, each as long as its mask; respects the constraints given at construction.
     * Reads emissions and parameters to the host.
     */
    public int[][] decode(NDArray emissions, NDArray mask) {
        checkShapes(emissions, mask);
        int batch = Math.toIntExact(emissions.getShape().get(0));
        int length = Math.toIntExact(emissions.getShape().get(1));
        double[] e = hostDoubles(emissions);
        long[] m = hostLongs(mask);
        ViterbiDecoder viterbi = viterbi();
        int[][] paths = new int[batch][];
        for (int b = 0; b < batch; b++) {
            int n = realLength(m, b, length);
            paths[b] = viterbi.decode(e, b * length * numTags, n);
        }
        return paths;
    }

    /**
     * A host-side decoder with the current transition scores, for callers that hold emissions on the host already
     * (a task decoding one sentence at a time after a batched forward pass).
     */
    public ViterbiDecoder viterbi() {
        return new ViterbiDecoder(hostDoubles(transitions.value()), hostDoubles(startTransitions.value()),
                hostDoubles(endTransitions.value()), constraints);
    }

    /** The count of leading ones of row b, rejecting a mask that has a real step after padding. */
    private static int realLength(long[] mask, int b, int length) {
        int n = 0;
        while (n < length && mask[b * length + n] != 0) n++;
        for (int t = n; t < length; t++) {
            if (mask[b * length + t] != 0) {
                throw new IllegalArgumentException("mask row " + b + " is not left-aligned: step " + t + " is real after padding");
            }
        }
        return n;
    }

    /** The values as doubles; a converted copy is closed at once (a parameter's would land in the model's manager). */
    private static double[] hostDoubles(NDArray x) {
        if (x.getDataType() == DataType.FLOAT64) return x.toDoubleArray();
        try (NDArray converted = x.toType(DataType.FLOAT64, false)) {
            return converted.toDoubleArray();
        }
    }

    private static long[] hostLongs(NDArray x) {
        if (x.getDataType() == DataType.INT64) return x.toLongArray();
        try (NDArray converted = x.toType(DataType.INT64, false)) {
            return converted.toLongArray();
        }
    }

    private void checkShapes(NDArray emissions, NDArray mask) {
        Shape e = emissions.getShape();
        if (e.dimension() != 3 || e.get(2) != numTags || e.get(1) < 1) {
            throw new IllegalArgumentException("expected (B, T ≥ 1, " + numTags + ") emissions, got " + e);
        }
        if (!mask.getShape().equals(e.slice(0, 2))) {
            throw new IllegalArgumentException("mask " + mask.getShape() + " does not match emissions " + e);
        }
    }

    public int numTags() { return numTags; }

    public TransitionConstraints constraints() { return constraints; }

    @Override
    public String describe() {
        return "LinearChainCrf(" + numTags + " tags, " + constraints + ")";
    }
}
