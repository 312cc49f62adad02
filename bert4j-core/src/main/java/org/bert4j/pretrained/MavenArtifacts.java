package org.bert4j.pretrained;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a jar in the local Maven repository ({@code -Dmaven.repo.local} honoured) and, when it is not there,
 * asks the user's Maven to fetch it from Maven Central: the only download bert4j does, and only for short names.
 */
public final class MavenArtifacts {

    private MavenArtifacts() {}

    public static Path repository() {
        return Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    }

    /** groupId:artifactId:version → its jar path, whether it exists or not. */
    public static Path jarPath(String coordinates) {
        String[] p = coordinates.split(":");
        if (p.length != 3) throw new IllegalArgumentException("expected groupId:artifactId:version, got " + coordinates);
        return repository().resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]).resolve(p[1] + "-" + p[2] + ".jar");
    }

    public static Path locate(String coordinates) {
        Path jar = jarPath(coordinates);
        if (Files.isRegularFile(jar)) return jar;
        System.err.println("bert4j: fetching " + coordinates + " from Maven Central (once) ...");
        List<String> command = List.of("mvn", "-q", "dependency:get", "-Dartifact=" + coordinates, "-Dtransitive=false",
                "-Dmaven.repo.local=" + repository());
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            int code = p.waitFor();
            if (code != 0 || !Files.isRegularFile(jar)) {
                throw new IllegalStateException("could not fetch " + coordinates + " (" + String.join(" ", command)
                        + " exited " + code + "); fetch it by hand or give a model directory");
            }
            return jar;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run Maven to fetch " + coordinates + ": " + e.getMessage()
                    + "; install Maven or give a model directory", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + coordinates, e);
        }
    }
}
