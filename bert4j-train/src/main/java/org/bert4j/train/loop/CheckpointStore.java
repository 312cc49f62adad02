package org.bert4j.train.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run's checkpoints, {@code checkpoints/step-000100/}. A checkpoint is written under a hidden temporary name,
 * gets its {@value #COMPLETE} marker last, and only then is renamed into place: a crash at any point leaves
 * either no directory or a complete one under the step name. Resume takes the newest complete one; temporary
 * leftovers are ignored and cleared. Pruning to the newest K happens only after a new checkpoint is complete.
 */
public final class CheckpointStore {

    public static final String COMPLETE = "COMPLETE";
    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d{6,})");

    private final Path root;
    private final int keep;

    public CheckpointStore(Path root, int keep) {
        if (keep < 1) throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        this.root = root;
        this.keep = keep;
    }

    public Path root() { return root; }

    public static String name(long step) { return String.format("step-%06d", step); }

    /** Writes checkpoint {@code step}: {@code contents} fills the (temporary) directory it is given. */
    public Path write(long step, Consumer<Path> contents) {
        Path target = root.resolve(name(step));
        Path staging = root.resolve("." + name(step) + ".tmp-" + System.nanoTime());
        try {
            Files.createDirectories(root);
            contents.accept(staging);
            Files.createDirectories(staging);
            Files.writeString(staging.resolve(COMPLETE), Long.toString(step));
            Path old = null;
            if (Files.exists(target)) { // the same step written again: the old one stays until the new one is in
                old = root.resolve("." + name(step) + ".old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            deleteTree(staging);
            throw new UncheckedIOException(target + ": cannot write checkpoint: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        prune();
        return target;
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() {
        List<Path> all = complete();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Complete checkpoints, oldest first. */
    public List<Path> complete() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> step(p) >= 0 && Files.isRegularFile(p.resolve(COMPLETE)))
                    .sorted(Comparator.comparingLong(CheckpointStore::step))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": " + e.getMessage(), e);
        }
    }

    /** Removes leftovers of interrupted writes (hidden temporaries, step directories without the marker). */
    public void clearIncomplete() {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> isTemporary(p) || (step(p) >= 0 && !Files.isRegularFile(p.resolve(COMPLETE))))
                    .forEach(CheckpointStore::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": " + e.getMessage(), e);
        }
    }

    /** Ours and hidden: {@code .step-…tmp-…}, {@code .step-…old-…}, and HfDirectory's staging inside them. */
    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.contains("step-");
    }

    private void prune() {
        List<Path> all = complete();
        for (int i = 0; i < all.size() - keep; i++) deleteTree(all.get(i));
    }

    /** The step of a {@code step-NNNNNN} directory name, or -1. */
    static long step(Path dir) {
        Matcher m = STEP_DIR.matcher(dir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot delete: " + e.getMessage(), e);
        }
    }
}
