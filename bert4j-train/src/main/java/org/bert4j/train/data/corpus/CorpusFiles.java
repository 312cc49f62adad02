package org.bert4j.train.data.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a list of inputs names: a file stands for itself, a directory for every regular file below it
 * (recursively, hidden files and folders skipped), sorted by path so two runs read the same files in the same
 * order. Inputs keep the order they are given in.
 */
public final class CorpusFiles {

    private CorpusFiles() {}

    public static List<Path> expand(List<Path> inputs) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no corpus input given");
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                files.add(input);
            } else if (Files.isDirectory(input)) {
                files.addAll(filesUnder(input));
            } else {
                throw new IllegalArgumentException(input + ": no such corpus file or directory");
            }
        }
        return List.copyOf(files);
    }

    private static List<Path> filesUnder(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(directory.relativize(p)))
                    .sorted()
                    .toList();
            if (files.isEmpty()) throw new IllegalArgumentException(directory + ": the corpus directory has no files");
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(directory + ": cannot list the corpus directory", e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
