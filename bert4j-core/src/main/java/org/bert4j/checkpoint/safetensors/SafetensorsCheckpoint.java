package org.bert4j.checkpoint.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;

/** Reads and writes a model directory's safetensors weights, single-file or sharded, with Hugging Face names. */
public final class SafetensorsCheckpoint {

    public static final String SINGLE_NAME = "model.safetensors";
    /** Hugging Face's default {@code max_shard_size} ("5GB"). */
    public static final long DEFAULT_MAX_SHARD_BYTES = 5_000_000_000L;
    private static final Pattern SHARD_NAME = Pattern.compile("model-\\d{5}-of-\\d{5}\\.safetensors");

    private SafetensorsCheckpoint() {}

    /**
     * Opens {@code model.safetensors} in {@code path}, else its {@code model.safetensors.index.json}; the single
     * file wins when both exist, as in Hugging Face. {@code path} may also name a {@code .safetensors} file or an
     * index file directly.
     */
    public static TensorSource open(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().endsWith(".index.json")
                    ? new ShardedSafetensors(path) : new SafetensorsFile(path);
        }
        if (!Files.isDirectory(path)) throw new CheckpointException(path + ": no such file or directory");
        Path single = path.resolve(SINGLE_NAME);
        if (Files.isRegularFile(single)) return new SafetensorsFile(single);
        Path index = path.resolve(ShardedSafetensors.INDEX_NAME);
        if (Files.isRegularFile(index)) return new ShardedSafetensors(index);
        throw new CheckpointException(path + ": directory holds neither " + SINGLE_NAME + " nor "
                + ShardedSafetensors.INDEX_NAME);
    }

    /** {@link #write(Path, Map, Map, long)} with Hugging Face's default shard size. */
    public static void write(Path dir, Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        write(dir, tensors, metadata, DEFAULT_MAX_SHARD_BYTES);
    }

    /**
     * Saves {@code tensors} into {@code dir} as {@code model.safetensors} when their data fits in
     * {@code maxShardBytes}, else as {@code model-0000i-of-0000k.safetensors} shards plus the index; every shard
     * carries {@code metadata}. A tensor larger than the limit gets a shard of its own. Files of a previous save
     * that the new one does not use are deleted afterwards.
     *
     * <p>All shards are written under temporary names first, so a failure while writing (disk full) leaves the
     * previous checkpoint untouched. Then shards are renamed into place, the index last, and stale files removed,
     * the stale index before stale shards; a crash between renames can still leave a mix, as with Hugging Face.
     */
    public static void write(Path dir, Map<String, StoredTensor> tensors, Map<String, String> metadata,
                             long maxShardBytes) {
        if (maxShardBytes <= 0) throw new IllegalArgumentException("maxShardBytes must be positive: " + maxShardBytes);
        List<Map<String, StoredTensor>> shards = split(new TreeMap<>(tensors), maxShardBytes);
        if (shards.size() > 99_999) throw new IllegalArgumentException(dir + ": too many shards: " + shards.size());
        Set<String> keep = new TreeSet<>();
        Map<Path, Path> prepared = new LinkedHashMap<>();
        Map<String, String> weightMap = new TreeMap<>();
        long totalSize = 0;
        try {
            for (int i = 0; i < shards.size(); i++) {
                String name = shards.size() == 1 ? SINGLE_NAME
                        : String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
                Path target = dir.resolve(name);
                prepared.put(target, SafetensorsWriter.prepare(target, shards.get(i), metadata));
                keep.add(name);
                for (Map.Entry<String, StoredTensor> t : shards.get(i).entrySet()) {
                    weightMap.put(t.getKey(), name);
                    totalSize += t.getValue().data().remaining();
                }
            }
            if (shards.size() > 1) {
                Path index = dir.resolve(ShardedSafetensors.INDEX_NAME);
                byte[] json = ShardedSafetensors.encodeIndex(totalSize, weightMap);
                prepared.put(index, SafetensorsWriter.prepare(index, ch -> {
                    for (ByteBuffer b = ByteBuffer.wrap(json); b.hasRemaining(); ) ch.write(b);
                }));
                keep.add(ShardedSafetensors.INDEX_NAME);
            }
        } catch (RuntimeException e) {
            prepared.values().forEach(SafetensorsWriter::discard);
            throw e;
        }
        List<Map.Entry<Path, Path>> pending = new ArrayList<>(prepared.entrySet());
        for (int i = 0; i < pending.size(); i++) {
            try {
                SafetensorsWriter.commit(pending.get(i).getValue(), pending.get(i).getKey());
            } catch (RuntimeException e) {
                pending.subList(i + 1, pending.size()).forEach(p -> SafetensorsWriter.discard(p.getValue()));
                throw e;
            }
        }
        removeStale(dir, keep);
    }

    /** Greedy in name order, as Hugging Face does: a new shard starts when the next tensor would overflow. */
    private static List<Map<String, StoredTensor>> split(Map<String, StoredTensor> sorted, long maxShardBytes) {
        List<Map<String, StoredTensor>> shards = new ArrayList<>();
        Map<String, StoredTensor> current = new LinkedHashMap<>();
        long size = 0;
        for (Map.Entry<String, StoredTensor> e : sorted.entrySet()) {
            long bytes = e.getValue().data().remaining();
            if (!current.isEmpty() && size + bytes > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                size = 0;
            }
            current.put(e.getKey(), e.getValue());
            size += bytes;
        }
        shards.add(current);
        return shards;
    }

    /** Deletes weights files of earlier saves; the index goes first so no index ever names a deleted shard. */
    private static void removeStale(Path dir, Set<String> keep) {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean ours = name.equals(SINGLE_NAME) || name.equals(ShardedSafetensors.INDEX_NAME)
                        || SHARD_NAME.matcher(name).matches();
                if (ours && !keep.contains(name)) stale.add(f);
            }
            stale.sort((a, b) -> Boolean.compare(!a.endsWith(ShardedSafetensors.INDEX_NAME),
                    !b.endsWith(ShardedSafetensors.INDEX_NAME)));
            for (Path f : stale) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new CheckpointException(dir + ": saved, but could not remove stale weights files " + stale + ": "
                    + e, e);
        }
    }
}
