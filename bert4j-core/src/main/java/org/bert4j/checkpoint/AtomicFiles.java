package org.bert4j.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Text files written whole or not at all: the lines go to {@code NAME.tmp} beside the target, which is then renamed
 * over it, so a reader (or a resumed run) never sees half a vocabulary, corpus or metrics log after a crash.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** {@code lines} as UTF-8, a line break after each, replacing {@code file}; its directory is created if needed. */
    public static void writeLines(Path file, List<String> lines) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
