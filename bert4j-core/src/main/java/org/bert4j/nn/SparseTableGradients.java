package org.bert4j.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Embedding-table gradients added row by row after backward, instead of through autograd.
 *
 * <p>Why: autograd's backward of a lookup into a (V, E) table fills a fresh dense (V, E) array with zeros and adds
 * the looked-up rows into it; when the table is also the tied MLM decoder, that array and the decoder's own (V, E)
 * gradient are summed into a third fresh one. For BERT-base (30,522 × 768 floats, 94 MB each) the fill and the sum
 * took ≈ 0.9 s of an 11 s training step (B 8, T 128, one thread; most of it page faults on the fresh memory),
 * while only B·T rows carry any gradient. Here the lookup reads the detached table into a leaf tensor of B·T rows;
 * backward fills that leaf's gradient, and {@link #addToTables} adds each row into the table's {@code .grad} in
 * place, in Java over the tensor's own memory, in position order (so the sums are deterministic).
 *
 * <p>The table's {@code .grad} must exist before the first pass: {@link #prepare} creates it as zeros with a
 * backward of its own (the optimisers zero gradients in place and never drop them, so it stays). Every pass then
 * takes the row path, the first one too, so a resumed run adds its gradients in the same order as an uninterrupted
 * one and the weights stay bit-identical. Only trainable float32 tables on the CPU take the row path; any other
 * table keeps autograd's.
 *
 * <p>Contract: whoever enables it ({@code EncoderModel.useSparseTokenGradients}) calls {@link #addToTables} after
 * each backward, before the gradients are read. A lookup while rows of an earlier pass are still pending fails,
 * so a loop that forgets cannot silently train without its token-table gradient.
 */
public final class SparseTableGradients {

    private record Lookup(Parameter table, NDArray ids, NDArray rows) {}

    private final List<Lookup> pending = new ArrayList<>();
    private final Set<Parameter> prepared = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Lets the table take the row path: creates its {@code .grad} (zeros) unless it has one. Call it outside any
     * gradient collector, after the parameters were marked as needing gradients.
     */
    public void prepare(Parameter table) {
        NDArray weight = table.value();
        if (prepared.contains(table) || weight.getDataType() != DataType.FLOAT32
                || !Device.cpu().equals(weight.getDevice()) || !weight.hasGradient()) {
            return;
        }
        try (NDManager scope = weight.getManager().newSubManager()) {
            if (gradientMemory(weight, scope) == null) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray factor = Scalars.like(weight, 0); // in engine memory: autograd saves it (see Scalars)
                    factor.attach(scope);
                    NDArray zero = weight.mul(factor);
                    zero.attach(scope);
                    NDArray sum = zero.sum();
                    sum.attach(scope);
                    gc.backward(sum); // .grad = 0·1 = zeros, created by autograd itself
                }
            }
        }
        prepared.add(table);
    }

    /** table[ids] as a leaf whose gradient backward fills, or null when this lookup takes autograd's dense path. */
    NDArray lookup(Parameter table, NDArray ids) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("token-table rows of an earlier pass were never added to the table's "
                    + "gradient: call SparseTableGradients.addToTables() after each backward");
        }
        if (!prepared.contains(table)) return null;
        NDArray weight = table.value();
        NDArray detached = weight.stopGradient();
        detached.attach(ids.getManager()); // a handle on the table's memory: freed with the pass, not the model
        NDArray rows = ids.getNDArrayInternal().embedding(ids, detached, SparseFormat.DENSE).singletonOrThrow();
        rows.setRequiresGradient(true);
        pending.add(new Lookup(table, ids, rows));
        return rows; // (..., E)
    }

    /** Adds every pending lookup's row gradients into its table's gradient, then forgets the lookups. */
    public void addToTables() {
        try {
            for (Lookup l : pending) addRows(l);
        } finally {
            pending.clear();
        }
    }

    private static void addRows(Lookup l) {
        FloatBuffer target = gradientMemory(l.table().value(), l.ids().getManager());
        if (target == null) {
            throw new IllegalStateException("the table " + l.table().shape() + " has no contiguous float32 gradient "
                    + "to add its rows to (prepare the table first)");
        }
        float[] rowGradients = l.rows().getGradient().toFloatArray();
        long[] ids = l.ids().toLongArray();
        int width = Math.toIntExact(l.table().shape().get(1));
        for (int p = 0; p < ids.length; p++) {
            int to = Math.toIntExact(ids[p] * width);
            int from = p * width;
            for (int j = 0; j < width; j++) target.put(to + j, target.get(to + j) + rowGradients[from + j]);
        }
    }

    /**
     * The table's {@code .grad} memory, or null when it has none. DJL answers a missing gradient with a fresh zero
     * array each call, and writes to that would be lost: two calls giving two addresses means there is no
     * {@code .grad}. The two handles are attached to {@code scope}, so they go with it.
     */
    private static FloatBuffer gradientMemory(NDArray weight, NDManager scope) {
        NDArray first = weight.getGradient();
        NDArray second = weight.getGradient();
        first.attach(scope);
        second.attach(scope);
        return HostStorage.sameMemory(first, second) ? HostStorage.floats(first) : null;
    }
}
