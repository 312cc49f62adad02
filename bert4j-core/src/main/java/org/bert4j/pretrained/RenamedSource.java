package org.bert4j.pretrained;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;

/** A view of a source under other names (e.g. the TF Hub {@code module/} scope stripped). */
public final class RenamedSource implements TensorSource {

    private final TensorSource inner;
    private final Map<String, String> toInner = new LinkedHashMap<>();

    public RenamedSource(TensorSource inner, Function<String, String> rename) {
        this.inner = inner;
        for (String n : inner.names()) toInner.put(rename.apply(n), n);
    }

    /** Drops {@code prefix} from every name that starts with it. */
    public static RenamedSource stripping(TensorSource inner, String prefix) {
        return new RenamedSource(inner, n -> n.startsWith(prefix) ? n.substring(prefix.length()) : n);
    }

    @Override
    public Path origin() { return inner.origin(); }

    @Override
    public Set<String> names() { return toInner.keySet(); }

    @Override
    public StoredTensor get(String name) {
        String original = toInner.get(name);
        if (original == null) throw new CheckpointException(origin() + ": no tensor named '" + name + "'");
        StoredTensor t = inner.get(original);
        return new StoredTensor(name, t.dtype(), t.shape(), t.data());
    }

    @Override
    public void close() { inner.close(); }
}
