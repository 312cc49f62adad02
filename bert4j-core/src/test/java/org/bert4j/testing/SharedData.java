package org.bert4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the workplace's {@code shared/} folder (fixtures, data) beside the checkout: the system property
 * {@code bert4j.shared}, the environment variable {@code BERT4J_SHARED}, or the first ancestor of the working
 * directory that has a {@code shared/fixtures} child.
 */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("bert4j.shared", System.getenv("BERT4J_SHARED"));
        if (configured != null) return Path.of(configured);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/fixtures"))) return p.resolve("shared");
        }
        throw new IllegalStateException("cannot find shared/ (fixtures and data) above " + Path.of("").toAbsolutePath()
                + "; set -Dbert4j.shared=PATH");
    }

    public static Path fixture(String name) { return root().resolve("fixtures").resolve(name); }

    public static Path data(String relative) { return root().resolve("data").resolve(relative); }
}
