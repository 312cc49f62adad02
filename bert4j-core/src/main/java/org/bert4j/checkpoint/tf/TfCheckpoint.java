package org.bert4j.checkpoint.tf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;

/**
 * A TensorFlow V2 checkpoint (tensor bundle) as a {@link TensorSource}: {@code <prefix>.index} (an SSTable of
 * BundleEntryProto metadata) plus {@code <prefix>.data-0000S-of-0000N} shards of raw little-endian bytes. This is
 * both the {@code model.ckpt-NNN} of TF training runs and a SavedModel's {@code variables/variables}.
 *
 * <p>Names and layouts are TF's own ({@code bert/encoder/layer_0/attention/self/query/kernel}, dense kernels
 * {@code [in, out]}); nothing is transposed here: mapping to HF names and layouts is the family weight table's job.
 * Each tensor's bytes are memory-mapped on first {@link #get} and checked against the entry's masked CRC32C then
 * (reading all 440 MB of BERT-base this way takes a fraction of a second once the file is cached).
 * Entries that are not numeric weights (DT_STRING, DT_RESOURCE, slices of partitioned variables) are listed by
 * {@link #skipped()} instead of {@link #names()}.
 */
public final class TfCheckpoint implements TensorSource {
    private final Path prefix;
    private final BundleIndex index;
    private final List<Path> shards = new ArrayList<>();
    private final FileChannel[] channels;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TfCheckpoint(Path prefix) {
        this.prefix = prefix;
        index = new BundleIndex(Path.of(prefix + ".index"));
        for (int s = 0; s < index.numShards; s++) {
            shards.add(Path.of(String.format("%s.data-%05d-of-%05d", prefix, s, index.numShards)));
        }
        channels = new FileChannel[shards.size()];
        try {
            for (int s = 0; s < channels.length; s++) {
                try {
                    channels[s] = FileChannel.open(shards.get(s));
                } catch (IOException e) {
                    throw new CheckpointException(shards.get(s) + ": cannot open data shard of " + prefix + ".index: "
                            + e, e);
                }
            }
            index.entries.forEach(this::checkExtent);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens a bundle by prefix ({@code .../variables/variables}, {@code .../model.ckpt-1000}); the {@code .index}
     * path or a SavedModel's {@code variables} directory are accepted too.
     */
    public static TfCheckpoint open(Path path) {
        String p = path.toString();
        if (p.endsWith(".index")) return new TfCheckpoint(Path.of(p.substring(0, p.length() - ".index".length())));
        if (Files.isDirectory(path) && Files.exists(path.resolve("variables.index"))) {
            return new TfCheckpoint(path.resolve("variables"));
        }
        return new TfCheckpoint(path);
    }

    /** A truncated shard is reported when opening, not as a crash on the first read of its last tensors. */
    private void checkExtent(String key, BundleIndex.Entry e) {
        Path file = shards.get(e.shard());
        try {
            long have = channels[e.shard()].size();
            if (e.offset() + e.size() > have) {
                throw new CheckpointException(file + ": tensor '" + key + "' needs bytes up to "
                        + (e.offset() + e.size()) + " but the file has " + have + " (truncated?)");
            }
        } catch (IOException ex) {
            throw new CheckpointException(file + ": " + ex, ex);
        }
    }

    @Override public Path origin() { return prefix; }

    @Override public Set<String> names() { return Collections.unmodifiableSet(index.entries.keySet()); }

    /** Entries that are not returned as tensors, with the reason (e.g. {@code DT_STRING: not a numeric tensor}). */
    public Map<String, String> skipped() { return Collections.unmodifiableMap(index.skipped); }

    /** The data shard files, in shard order. */
    public List<Path> dataFiles() { return List.copyOf(shards); }

    @Override
    public StoredTensor get(String name) {
        if (closed) throw new CheckpointException(prefix + ": closed; cannot read '" + name + "'");
        BundleIndex.Entry e = index.entries.get(name);
        if (e == null) {
            String why = index.skipped.containsKey(name) ? " (skipped: " + index.skipped.get(name) + ")" : "";
            throw new CheckpointException(prefix + ".index: no tensor '" + name + "'" + why);
        }
        Path file = shards.get(e.shard());
        if (e.size() > Integer.MAX_VALUE) throw new CheckpointException(file + ": tensor '" + name + "' is over 2 GiB");
        ByteBuffer data;
        try {
            data = channels[e.shard()].map(FileChannel.MapMode.READ_ONLY, e.offset(), e.size());
        } catch (IOException ex) {
            throw new CheckpointException(file + ": cannot map tensor '" + name + "': " + ex, ex);
        }
        if (!verified.contains(name)) {
            int actual = SsTable.maskedCrc32c(data);
            if (actual != e.maskedCrc()) {
                throw new CheckpointException(file + ": tensor '" + name + "' fails its crc32c check (index says 0x"
                        + Integer.toHexString(e.maskedCrc()) + ", data gives 0x" + Integer.toHexString(actual)
                        + "): the data file is corrupt or does not belong to this index");
            }
            verified.add(name);
        }
        return new StoredTensor(name, e.dtype(), e.shape(), data);
    }

    /**
     * Closes the shard files. Tensors read before must not be used after (see {@link TensorSource}); JDK 17 has no
     * explicit unmap, so their mappings are released when the buffers are collected.
     */
    @Override
    public void close() {
        closed = true;
        for (FileChannel c : channels) {
            try {
                if (c != null) c.close();
            } catch (IOException ignored) {
                // A read-only channel has nothing to flush; the caller could not act on a failed close anyway.
            }
        }
    }
}
