package org.bert4j.checkpoint.safetensors;

import static org.bert4j.checkpoint.safetensors.Tensors.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.bert4j.checkpoint.TensorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardedSafetensorsTest {

    @TempDir Path dir;

    /** Ten 40-byte tensors: 400 data bytes. */
    private static Map<String, StoredTensor> tensors() {
        Map<String, StoredTensor> m = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String name = "layer." + i + ".weight";
            m.put(name, Tensors.random(name, TensorDType.F32, i, 2, 5));
        }
        return m;
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> shardNames(int k) {
        Set<String> out = new TreeSet<>();
        for (int i = 1; i <= k; i++) out.add(String.format("model-%05d-of-%05d.safetensors", i, k));
        return out;
    }

    private static Set<String> with(Set<String> a, String... more) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(Set.of(more));
        return out;
    }

    @Test
    void shardedWriteAndReadRoundTrip() throws IOException {
        Map<String, StoredTensor> in = tensors();
        SafetensorsCheckpoint.write(dir, in, Map.of("format", "pt"), 100); // two 40-byte tensors per shard
        assertEquals(with(shardNames(5), ShardedSafetensors.INDEX_NAME), files());
        JsonObject index = JsonParser.parseString(Files.readString(dir.resolve(ShardedSafetensors.INDEX_NAME)))
                .getAsJsonObject();
        assertEquals(400, index.getAsJsonObject("metadata").get("total_size").getAsLong());
        assertEquals(10, index.getAsJsonObject("weight_map").size());
        try (TensorSource src = SafetensorsCheckpoint.open(dir)) {
            ShardedSafetensors sharded = assertInstanceOf(ShardedSafetensors.class, src);
            assertEquals(new TreeSet<>(in.keySet()), new TreeSet<>(sharded.names()));
            for (StoredTensor t : in.values()) assertSameTensor(t, sharded.get(t.name()));
            assertEquals(Map.of("format", "pt"), sharded.metadata());
            assertEquals(5, sharded.shardFiles().size());
        }
    }

    @Test
    void writesOneFileWhenItFitsAndOversizedTensorsGetTheirOwnShard() throws IOException {
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 400);
        assertEquals(Set.of(SafetensorsCheckpoint.SINGLE_NAME), files());
        try (TensorSource src = SafetensorsCheckpoint.open(dir)) {
            assertInstanceOf(SafetensorsFile.class, src);
            assertEquals(10, src.names().size());
        }
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 1);
        assertEquals(with(shardNames(10), ShardedSafetensors.INDEX_NAME), files());
    }

    @Test
    void staleShardsAndIndexFromEarlierSavesAreRemoved() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");
        Files.writeString(dir.resolve("model-00001-of-00001.bin"), "not ours");
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 100); // 5 shards
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 200); // 2 shards: the of-00005 set must go
        assertEquals(with(shardNames(2), ShardedSafetensors.INDEX_NAME, "config.json", "model-00001-of-00001.bin"),
                files());
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 1 << 20); // single file: index and shards go
        assertEquals(Set.of("config.json", "model-00001-of-00001.bin", SafetensorsCheckpoint.SINGLE_NAME), files());
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 200); // back to shards: model.safetensors goes
        assertEquals(with(shardNames(2), ShardedSafetensors.INDEX_NAME, "config.json", "model-00001-of-00001.bin"),
                files());
        try (TensorSource src = SafetensorsCheckpoint.open(dir)) {
            for (StoredTensor t : tensors().values()) assertSameTensor(t, src.get(t.name()));
        }
    }

    /** Load-then-save into the same directory: the new files must not clobber bytes the source still maps. */
    @Test
    void savingOverTheCheckpointBeingReadKeepsItsBytes() {
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 200);
        for (long maxShard : new long[] {200, 1 << 20, 120}) {
            try (TensorSource src = SafetensorsCheckpoint.open(dir)) {
                Map<String, StoredTensor> loaded = new LinkedHashMap<>();
                for (String name : src.names()) loaded.put(name, src.get(name));
                SafetensorsCheckpoint.write(dir, loaded, Map.of(), maxShard);
            }
            try (TensorSource back = SafetensorsCheckpoint.open(dir)) {
                for (StoredTensor t : tensors().values()) assertSameTensor(t, back.get(t.name()));
            }
        }
    }

    @Test
    void indexNamingAMissingShardFails() throws IOException {
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 200);
        Files.delete(dir.resolve("model-00002-of-00002.safetensors"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsCheckpoint.open(dir));
        String m = e.getMessage();
        assertTrue(m.contains(ShardedSafetensors.INDEX_NAME) && m.contains("model-00002-of-00002.safetensors")
                && m.contains("'layer.5.weight'"), m);
    }

    @Test
    void weightMapKeyMissingFromItsShardFails() throws IOException {
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 200);
        Path index = dir.resolve(ShardedSafetensors.INDEX_NAME);
        Files.writeString(index, Files.readString(index).replace("\"layer.0.weight\"", "\"layer.0.bias\""));
        try (TensorSource src = SafetensorsCheckpoint.open(dir)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> src.get("layer.0.bias"));
            assertTrue(e.getMessage().contains("model-00001-of-00002.safetensors")
                    && e.getMessage().contains("'layer.0.bias'"), e.getMessage());
            e = assertThrows(CheckpointException.class, () -> src.get("nowhere"));
            assertTrue(e.getMessage().contains(ShardedSafetensors.INDEX_NAME)
                    && e.getMessage().contains("'nowhere'"), e.getMessage());
        }
    }

    @Test
    void shardNamesThatEscapeTheDirectoryAreRejected() throws IOException {
        Path index = dir.resolve(ShardedSafetensors.INDEX_NAME);
        Files.writeString(index, "{\"weight_map\":{\"w\":\"../secret.safetensors\"}}");
        CheckpointException e = assertThrows(CheckpointException.class, () -> new ShardedSafetensors(index));
        assertTrue(e.getMessage().contains(ShardedSafetensors.INDEX_NAME) && e.getMessage().contains("'w'"));
    }

    @Test
    void openNamesTheDirectoryWhenItHoldsNoWeights() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsCheckpoint.open(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        Path missing = dir.resolve("absent");
        e = assertThrows(CheckpointException.class, () -> SafetensorsCheckpoint.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void openAcceptsAFileOrAnIndexDirectly() {
        SafetensorsCheckpoint.write(dir, tensors(), Map.of(), 200);
        try (TensorSource src = SafetensorsCheckpoint.open(dir.resolve(ShardedSafetensors.INDEX_NAME));
             TensorSource shard = SafetensorsCheckpoint.open(dir.resolve("model-00001-of-00002.safetensors"))) {
            assertEquals(10, src.names().size());
            assertFalse(shard.names().isEmpty());
        }
    }
}
