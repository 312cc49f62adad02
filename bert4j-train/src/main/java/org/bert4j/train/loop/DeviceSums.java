package org.bert4j.train.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named running sums that stay on the device until read: adding a batch's loss costs no device→host sync, so
 * the loop syncs only when it logs (DESIGN: no per-step syncs beyond logging). Sums are float64, so thousands
 * of batches add up without float32 drift. The arrays live in a manager of their own, closed with this object.
 */
final class DeviceSums implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> sums = new LinkedHashMap<>();

    DeviceSums(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    void add(String key, NDArray value) {
        NDArray v = value.stopGradient().toType(DataType.FLOAT64, false).sum();
        NDArray old = sums.get(key);
        if (old == null) {
            v.attach(manager);
            sums.put(key, v);
        } else {
            NDArray next = old.add(v); // created in old's manager, i.e. ours
            old.close();
            sums.put(key, next);
        }
    }

    /** Replaces a value instead of adding to it (the latest gradient norm). */
    void put(String key, NDArray value) {
        NDArray v = value.stopGradient().toType(DataType.FLOAT64, false).sum();
        v.attach(manager);
        NDArray old = sums.put(key, v);
        if (old != null) old.close();
    }

    void addAll(Map<String, NDArray> values) {
        values.forEach(this::add);
    }

    boolean isEmpty() { return sums.isEmpty(); }

    /** The sums on the host (one sync per sum), in the order they were first added. */
    Map<String, Double> read() {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, v.getDouble()));
        return out;
    }

    /** Sum suffix → the rate's suffix; each rate is {@code X<sum suffix> / X_count}. */
    private static final Map<String, String> RATES = Map.of(
            "_loss_sum", "_loss", "_correct", "_accuracy", "_replaced", "_replaced_fraction");

    /**
     * Means and fractions from an objective's sums ({@link org.bert4j.train.objective.ObjectiveOutput}):
     * {@code X_loss_sum / X_count} as {@code X_loss}, {@code X_correct / X_count} as {@code X_accuracy},
     * {@code X_replaced / X_count} as {@code X_replaced_fraction}.
     */
    static Map<String, Double> rates(Map<String, Double> sums) {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> RATES.forEach((sum, rate) -> {
            if (!k.endsWith(sum)) return;
            String p = k.substring(0, k.length() - sum.length());
            Double n = sums.get(p + "_count");
            if (n != null && n > 0) out.put(p + rate, v / n);
        }));
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
