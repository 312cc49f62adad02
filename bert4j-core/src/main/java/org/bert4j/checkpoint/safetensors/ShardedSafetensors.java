package org.bert4j.checkpoint.safetensors;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorSource;

/**
 * A Hugging Face shard set: {@code model.safetensors.index.json} maps each tensor name to the shard file holding
 * it. Shards are opened on first use and kept open until {@link #close()}, so loading a model that only needs a
 * few tensors does not map every shard. That every shard exists is checked up front, since a missing file is the
 * commonest broken download.
 */
public final class ShardedSafetensors implements TensorSource {

    public static final String INDEX_NAME = "model.safetensors.index.json";

    private final Path index;
    private final Path dir;
    private final Map<String, String> weightMap;
    private final Map<String, SafetensorsFile> opened = new HashMap<>();
    private boolean closed;

    public ShardedSafetensors(Path indexFile) {
        this.index = indexFile;
        this.dir = indexFile.toAbsolutePath().getParent();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(indexFile + ": no such file", e);
        } catch (IOException e) {
            throw new CheckpointException(indexFile + ": cannot read: " + e.getMessage(), e);
        }
        JsonObject root = SafetensorsHeader.parseJsonObject(indexFile, "index", bytes);
        JsonElement map = root.get("weight_map");
        if (map == null || !map.isJsonObject()) {
            throw new CheckpointException(indexFile + ": 'weight_map' missing or not an object");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> firstKeyOfShard = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : map.getAsJsonObject().entrySet()) {
            JsonElement v = e.getValue();
            String shard = v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : null;
            // A shard is a sibling file; anything path-like could make a downloaded index read files elsewhere.
            if (shard == null || shard.isEmpty() || shard.contains("/") || shard.contains("\\")
                    || shard.equals(".") || shard.equals("..")) {
                throw new CheckpointException(indexFile + ": key '" + e.getKey() + "': shard must be a plain file"
                        + " name next to the index, found " + v);
            }
            names.put(e.getKey(), shard);
            firstKeyOfShard.putIfAbsent(shard, e.getKey());
        }
        firstKeyOfShard.forEach((shard, key) -> {
            if (!Files.isRegularFile(dir.resolve(shard))) {
                throw new CheckpointException(indexFile + ": key '" + key + "': shard file '" + shard
                        + "' does not exist in " + dir);
            }
        });
        this.weightMap = Collections.unmodifiableMap(names);
    }

    @Override
    public Path origin() { return index; }

    /** Tensor names in index order. */
    @Override
    public Set<String> names() { return weightMap.keySet(); }

    /** The shard files the index refers to, sorted. */
    public Set<Path> shardFiles() {
        Set<Path> out = new TreeSet<>();
        for (String shard : weightMap.values()) out.add(dir.resolve(shard));
        return Collections.unmodifiableSet(out);
    }

    /** The {@code __metadata__} of the first shard: writers (this one and Hugging Face's) give every shard the same. */
    public Map<String, String> metadata() {
        Set<Path> shards = shardFiles();
        return shards.isEmpty() ? Map.of() : shard(shards.iterator().next().getFileName().toString()).metadata();
    }

    @Override
    public synchronized StoredTensor get(String name) {
        String shardName = weightMap.get(name);
        if (shardName == null) throw new CheckpointException(index + ": no tensor '" + name + "' in weight_map");
        SafetensorsFile shard = shard(shardName);
        if (!shard.names().contains(name)) {
            throw new CheckpointException(shard.origin() + ": key '" + name + "' is listed for this shard in "
                    + index.getFileName() + " but the shard does not contain it");
        }
        return shard.get(name);
    }

    private synchronized SafetensorsFile shard(String shardName) {
        if (closed) throw new CheckpointException(index + ": closed; cannot open shard '" + shardName + "'");
        return opened.computeIfAbsent(shardName, s -> new SafetensorsFile(dir.resolve(s)));
    }

    @Override
    public synchronized void close() {
        closed = true;
        opened.values().forEach(SafetensorsFile::close);
        opened.clear();
    }

    /** The index JSON as Hugging Face writes it: total tensor bytes (headers excluded) and the weight map. */
    static byte[] encodeIndex(long totalSize, Map<String, String> weightMap) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", Map.of("total_size", totalSize));
        root.put("weight_map", weightMap);
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() { return "ShardedSafetensors[" + index + ", " + weightMap.size() + " tensors]"; }
}
