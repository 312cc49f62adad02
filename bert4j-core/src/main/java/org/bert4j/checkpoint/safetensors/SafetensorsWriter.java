package org.bert4j.checkpoint.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.safetensors.SafetensorsHeader.Entry;

/**
 * Writes one {@code .safetensors} file. The map key is the name stored (it may differ from
 * {@link StoredTensor#name()}, which lets callers rename on save). Tensors are stored widest element type first,
 * then by name: deterministic output, and every tensor's offset is a multiple of its element width, which
 * zero-copy readers elsewhere rely on. Data is streamed from each tensor's buffer, never gathered in memory.
 */
public final class SafetensorsWriter {

    /** Bounded so a large heap tensor is not copied into an equally large temporary direct buffer by NIO. */
    private static final int CHUNK_BYTES = 1 << 20;

    private SafetensorsWriter() {}

    /** Writes {@code tensors} and {@code metadata} (may be null) to {@code file}, replacing it atomically. */
    public static void write(Path file, Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        commit(prepare(file, tensors, metadata), file);
    }

    /** Writes the complete file under a temporary sibling name and returns that name, for {@link #commit}. */
    static Path prepare(Path file, Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, StoredTensor>> ordered = storageOrder(file, tensors);
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        meta.forEach((k, v) -> {
            if (k == null || v == null) throw new IllegalArgumentException(file + ": null metadata key or value");
        });
        List<Entry> entries = new ArrayList<>(ordered.size());
        long offset = 0;
        for (Map.Entry<String, StoredTensor> e : ordered) {
            StoredTensor t = e.getValue();
            long length = t.data().remaining();
            entries.add(new Entry(e.getKey(), t.dtype(), t.shape().clone(), offset, offset + length));
            offset += length;
        }
        byte[] header = SafetensorsHeader.encode(entries, meta);
        return prepare(file, ch -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
            writeFully(ch, len);
            writeFully(ch, ByteBuffer.wrap(header));
            for (Map.Entry<String, StoredTensor> e : ordered) {
                ByteBuffer src = e.getValue().data().duplicate();
                while (src.hasRemaining()) {
                    int n = Math.min(src.remaining(), CHUNK_BYTES);
                    writeFully(ch, src.slice(src.position(), n));
                    src.position(src.position() + n);
                }
            }
        });
    }

    /** Widest dtype first, then by name; also rejects names no reader could look up again. */
    static List<Map.Entry<String, StoredTensor>> storageOrder(Path file, Map<String, StoredTensor> tensors) {
        List<Map.Entry<String, StoredTensor>> ordered = new ArrayList<>(tensors.entrySet());
        for (Map.Entry<String, StoredTensor> e : ordered) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException(file + ": invalid tensor name '" + name + "'");
            }
            if (e.getValue() == null) throw new IllegalArgumentException(file + ": tensor '" + name + "' is null");
            for (long d : e.getValue().shape()) {
                if (d < 0) throw new IllegalArgumentException(file + ": tensor '" + name + "' has a negative dim");
            }
        }
        ordered.sort(Comparator.<Map.Entry<String, StoredTensor>>comparingInt(e -> -e.getValue().dtype().bytes())
                .thenComparing(Map.Entry::getKey));
        return ordered;
    }

    interface Body {
        void write(FileChannel channel) throws IOException;
    }

    /**
     * Writes {@code target}'s future content to a temporary sibling and fsyncs it; {@link #commit} then renames it
     * into place, so readers see either the old file or the complete new one, and a multi-file save can finish all
     * slow writes before touching any real name. The sibling is made by hand rather than with
     * {@link Files#createTempFile}, whose owner-only permissions would otherwise end up on the model file.
     */
    static Path prepare(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean done = false;
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(ch);
                ch.force(true);
            }
            done = true;
            return tmp;
        } catch (IOException e) {
            throw new CheckpointException(target + ": cannot write: " + e, e);
        } finally {
            if (!done) discard(tmp);
        }
    }

    /** Renames a prepared temporary file over {@code target}; on failure the temporary file is removed. */
    static void commit(Path tmp, Path target) {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            discard(tmp);
            throw new CheckpointException(target + ": cannot replace: " + e, e);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // A stray hidden .tmp file is harmless; the error that got us here matters more.
        }
    }

    /** Makes the rename itself durable; platforms that cannot open a directory (Windows) skip it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Best effort only: the file contents are already synced.
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) ch.write(src);
    }
}
