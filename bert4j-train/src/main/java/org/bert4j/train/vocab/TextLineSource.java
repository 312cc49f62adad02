package org.bert4j.train.vocab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The texts of corpus files, for counting words: a {@code .json} or {@code .jsonl} file holds one JSON object a
 * line, each of {@code fields} the object has being one text (so {@code sentence1} and {@code sentence2} of a pair
 * file are two texts); any other file holds one text a line. A
 * directory stands for every regular file below it (hidden ones skipped), in path order. Blank lines are skipped.
 * A small local reader, kept to {@link #forEachText} so it can give way to the {@code org.bert4j.train.data}
 * corpus reader once that exists.
 */
public final class TextLineSource {

    private final List<Path> paths;
    private final List<String> fields;

    /** @param fields JSON fields that hold text (e.g. sentence, content); a line must have at least one */
    public TextLineSource(List<Path> paths, List<String> fields) {
        if (paths.isEmpty()) throw new IllegalArgumentException("no corpus files given");
        if (fields.isEmpty()) throw new IllegalArgumentException("no JSON text field given");
        this.paths = List.copyOf(paths);
        this.fields = List.copyOf(fields);
    }

    /** The files the paths stand for, directories expanded. */
    public List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else {
                throw new IOException(p + ": no such corpus file or directory");
            }
        }
        return files;
    }

    /** Hands every text to {@code sink}; a malformed JSON line fails naming the file and line. */
    public void forEachText(Consumer<String> sink) throws IOException {
        for (Path file : files()) {
            boolean json = isJsonLines(file);
            long number = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) continue;
                    if (json) fields(line, file, number).forEach(sink);
                    else sink.accept(line);
                }
            } catch (MalformedInputException e) {
                // The reader decodes ahead of the lines it returns, so the line is only where decoding stopped.
                throw new IOException(file + ": not UTF-8 text (near line " + (number + 1) + ")", e);
            }
        }
    }

    private static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonl");
    }

    private List<String> fields(String line, Path file, long number) throws IOException {
        JsonElement element;
        try {
            element = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            throw new IOException(file + ":" + number + ": not a JSON line (" + e.getMessage() + ")");
        }
        if (!element.isJsonObject()) throw new IOException(file + ":" + number + ": not a JSON object");
        JsonObject object = element.getAsJsonObject();
        List<String> texts = new ArrayList<>(1);
        for (String name : fields) {
            JsonElement value = object.get(name);
            if (value != null && value.isJsonPrimitive()) texts.add(value.getAsString());
        }
        if (!texts.isEmpty()) return texts;
        throw new IOException(file + ":" + number + ": none of the text fields " + fields + " (keys: " + object.keySet() + ")");
    }
}
