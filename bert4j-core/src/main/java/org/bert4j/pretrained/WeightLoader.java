package org.bert4j.pretrained;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Module;
import org.bert4j.nn.Parameter;

/**
 * Fills a model's parameters from a checkpoint through a family's {@link WeightMap}, and writes them back out.
 * Every file key must be used exactly once (or be a declared tied alias or non-weight); anything else is reported
 * and, unless the caller allowed it, fails the load with the keys named.
 */
public final class WeightLoader {

    /** What a caller tolerates; strict by default. */
    public record Options(boolean allowMissing, boolean allowUnexpected) {
        public static final Options STRICT = new Options(false, false);
    }

    private WeightLoader() {}

    /** True when the file spells backbone names with the family prefix ({@code bert.embeddings…}). */
    static boolean usesPrefix(TensorSource source, WeightMap map) {
        String p = map.backbonePrefix();
        return !p.isEmpty() && source.names().stream().anyMatch(n -> n.startsWith(p));
    }

    public static LoadReport load(EncoderModel model, TensorSource source, WeightMap map, Options options,
                                  List<String> absentHeads) {
        return load(model, source, map, options, absentHeads, null);
    }

    /**
     * As above, with a task head (may be null) whose parameters are read from the keys equal to their paths
     * ({@link TaskHead}); its keys count as used, its absent ones as missing, like the backbone's.
     */
    public static LoadReport load(EncoderModel model, TensorSource source, WeightMap map, Options options,
                                  List<String> absentHeads, Module taskHead) {
        boolean prefixed = usesPrefix(source, map);
        List<String> missing = new ArrayList<>();
        List<String> misshaped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (taskHead != null) {
            taskHead.forEachParameter("", (path, p) -> {
                if (!source.names().contains(path)) {
                    missing.add(path + " (task head)");
                    return;
                }
                used.add(path);
                StoredTensor t = source.get(path);
                if (!java.util.Arrays.equals(t.shape(), p.shape().getShape())) {
                    misshaped.add(path + ": file " + java.util.Arrays.toString(t.shape()) + " vs model " + p.shape());
                    return;
                }
                p.set(TensorBridge.toArray(model.manager(), t, model.dataType(), false));
            });
        }
        Map<String, Parameter> params = model.namedParameters();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            String path = e.getKey();
            Parameter p = e.getValue();
            WeightMap.Resolved r = map.resolve(path, prefixed);
            if (r == null) throw new IllegalStateException("weight table has no rule for parameter " + path);
            if (!source.names().contains(r.name())) {
                missing.add(r.name() + " (" + path + ")");
                continue;
            }
            used.add(r.name());
            StoredTensor t = source.get(r.name());
            long[] fileShape = r.transpose() && t.shape().length == 2 ? new long[] {t.shape()[1], t.shape()[0]} : t.shape();
            if (!java.util.Arrays.equals(fileShape, p.shape().getShape())) {
                misshaped.add(r.name() + ": file " + java.util.Arrays.toString(t.shape()) + " vs model "
                        + p.shape() + (r.transpose() ? " (transposed)" : ""));
                continue;
            }
            p.set(TensorBridge.toArray(model.manager(), t, model.dataType(), r.transpose()));
            for (String alias : map.aliasesOf(path, prefixed)) {
                if (source.names().contains(alias)) {
                    used.add(alias);
                    notes.add(alias + " is tied to " + r.name() + " and was not loaded separately");
                }
            }
        }
        Set<String> unexpected = new TreeSet<>();
        for (String name : source.names()) if (!used.contains(name) && !map.isIgnored(name)) unexpected.add(name);
        LoadReport report = new LoadReport(source.origin().toString(), missing, List.copyOf(unexpected), misshaped,
                absentHeads, notes);
        boolean fail = !misshaped.isEmpty() || (!missing.isEmpty() && !options.allowMissing())
                || (!unexpected.isEmpty() && !options.allowUnexpected());
        if (fail) throw new CheckpointException(report.toString());
        return report;
    }

    /**
     * Adds a task head's parameters to {@code out} under their own paths (see {@link TaskHead}); a path that is
     * already a key (a head named like a backbone weight) is an error rather than a silent overwrite.
     */
    public static void exportUnderOwnPaths(Module head, Map<String, StoredTensor> out) {
        head.forEachParameter("", (path, p) -> {
            if (out.containsKey(path)) throw new IllegalStateException("task head parameter " + path + " collides with a backbone weight");
            out.put(path, TensorBridge.toStored(path, p.value(), false));
        });
    }

    /** The model's parameters under the map's checkpoint names (tied and shared parameters once). */
    public static Map<String, StoredTensor> export(EncoderModel model, WeightMap map, boolean prefixed) {
        Map<String, StoredTensor> out = new LinkedHashMap<>();
        model.forEachParameter("", (path, p) -> {
            WeightMap.Resolved r = map.resolve(path, prefixed);
            if (r == null) throw new IllegalStateException("weight table has no rule for parameter " + path);
            NDArray value = p.value();
            out.put(r.name(), TensorBridge.toStored(r.name(), value, r.transpose()));
        });
        return out;
    }
}
