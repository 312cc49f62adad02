package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.List;

/**
 * The gold matrix {@link GlobalPointer#loss} compares scores with: (B, types, T, T) boolean, true at
 * (b, type, start, end) for every gold span of example b. Nested and overlapping spans are just several true entries.
 */
public final class SpanTargets {

    private SpanTargets() {}

    /**
     * @param spans  per example, its gold spans; each must lie within the first {@code length} tokens
     * @param types  number of span types the head scores
     * @param length T, the padded sequence length
     */
    public static NDArray of(NDManager manager, List<? extends Collection<Span>> spans, int types, int length) {
        int batch = spans.size();
        boolean[] gold = new boolean[Math.multiplyExact(batch, Math.multiplyExact(types, length * length))];
        for (int b = 0; b < batch; b++) {
            for (Span s : spans.get(b)) {
                if (s.type() >= types || s.end() >= length) {
                    throw new IllegalArgumentException("example " + b + ": " + s + " outside " + types + " types × "
                            + length + " tokens");
                }
                gold[((b * types + s.type()) * length + s.start()) * length + s.end()] = true;
            }
        }
        return manager.create(gold, new Shape(batch, types, length, length));
    }
}
