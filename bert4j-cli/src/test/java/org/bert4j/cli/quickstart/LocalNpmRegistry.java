package org.bert4j.cli.quickstart;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * An npm registry on localhost for tests: it answers the version document ({@code /<name>/<version>} with
 * {@code dist.tarball} and {@code dist.integrity}, as registry.npmjs.org does) and the tarball, and records each
 * request, so a test can see what a fetch asked for. Tests never reach the real registry.
 */
final class LocalNpmRegistry implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();

    /**
     * Serves {@code tarball} as {@code pkg}; {@code integrity} is what the version document claims (normally
     * {@link #integrity} of the tarball).
     */
    LocalNpmRegistry(NpmPackage pkg, byte[] tarball, String integrity) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String tarballPath = "/" + pkg.name() + "/-/package-" + pkg.version() + ".tgz";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(path);
            }
            byte[] body;
            int status = 200;
            if (path.equals("/" + pkg.name() + "/" + pkg.version())) {
                JsonObject dist = new JsonObject();
                dist.addProperty("tarball", uri().resolve(tarballPath.substring(1)).toString());
                dist.addProperty("integrity", integrity);
                JsonObject doc = new JsonObject();
                doc.addProperty("name", pkg.name());
                doc.addProperty("version", pkg.version());
                doc.add("dist", dist);
                body = doc.toString().getBytes(StandardCharsets.UTF_8);
            } else if (path.equals(tarballPath)) {
                body = tarball;
            } else {
                status = 404;
                body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** npm's {@code sha512-<base64>} of {@code bytes}. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A .tgz of {@code dir}'s files under {@code package/}, as {@code npm pack} lays them out; extra entries by name. */
    static byte[] tarball(Path dir, String... extraEntries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            List<Path> files;
            try (Stream<Path> all = Files.walk(dir)) {
                files = all.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                put(tar, "package/" + dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            for (String name : extraEntries) put(tar, name, "x".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
