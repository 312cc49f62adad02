package org.bert4j.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint directories: atomic appearance, newest complete one wins, interrupted writes ignored, keep K. */
class CheckpointStoreTest {

    @TempDir
    Path root;

    private static void file(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void keepsTheLastKAndResumesFromTheNewest() {
        CheckpointStore store = new CheckpointStore(root, 2);
        for (long step : new long[] {100, 200, 300}) store.write(step, dir -> file(dir, "weights"));
        assertEquals(List.of(root.resolve("step-000200"), root.resolve("step-000300")), store.complete());
        assertEquals(root.resolve("step-000300"), store.latest().orElseThrow());
        assertTrue(Files.isRegularFile(root.resolve("step-000300/weights")));
    }

    @Test
    void interruptedWritesAreIgnoredThenCleared() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 3);
        store.write(100, dir -> file(dir, "weights"));
        file(root.resolve(".step-000200.tmp-123"), "weights");      // crashed while writing its files
        file(root.resolve("step-000300"), "weights");              // a directory without the marker
        file(root.resolve("..step-000400.tmp-1.tmp-2"), "config.json"); // HfDirectory's staging inside a write
        assertEquals(root.resolve("step-000100"), store.latest().orElseThrow());
        store.clearIncomplete();
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of("step-000100"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailingWriteLeavesNothingAndKeepsOlderCheckpoints() throws IOException {
        CheckpointStore store = new CheckpointStore(root, 1);
        store.write(100, dir -> file(dir, "weights"));
        assertThrows(IllegalStateException.class, () -> store.write(200, dir -> {
            file(dir, "weights");
            throw new IllegalStateException("disk full");
        }));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of("step-000100"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(root.resolve("step-000100"), store.latest().orElseThrow());
    }

    @Test
    void rewritingAStepReplacesIt() {
        CheckpointStore store = new CheckpointStore(root, 2);
        store.write(100, dir -> file(dir, "first"));
        store.write(100, dir -> file(dir, "second"));
        assertTrue(Files.exists(root.resolve("step-000100/second")));
        assertFalse(Files.exists(root.resolve("step-000100/first")));
    }
}
