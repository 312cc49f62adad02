package org.bert4j.finetune.data;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streaming access to a whole-file JSON document (SQuAD, C3) with line numbers. Gson keeps the line of its reader
 * private and shows it only in {@code toString()} ("JsonReader at line 12 column 5 path $.data[0]"); reading it
 * from there is the one way to name the line of a record inside one large document without parsing it twice.
 */
final class JsonFiles {

    private static final Pattern LINE = Pattern.compile(" at line (\\d+) ");

    private JsonFiles() {}

    /** A strict reader of {@code file}: no comments, unquoted names or other lenient extensions. */
    static JsonReader open(Path file) throws IOException {
        JsonReader reader = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /** Line (from 1) of the token last peeked or read, or 0 when Gson does not say. */
    static long line(JsonReader reader) {
        Matcher m = LINE.matcher(reader.toString());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
