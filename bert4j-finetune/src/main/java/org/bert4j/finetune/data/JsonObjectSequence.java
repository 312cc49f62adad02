package org.bert4j.finetune.data;

import java.io.IOException;
import java.io.Reader;

/**
 * The JSON objects of a file that holds them one after another, each on one line (JSON lines) or spread over
 * many (pretty-printed, like the CLUENER {@code train.json} shared here): both layouts of the same data set
 * circulate, so objects are found by balancing braces (outside strings) instead of by lines. Each object comes
 * with the line it starts on. Text between objects and an object still open at the end are returned as faults.
 */
final class JsonObjectSequence {

    /** One object's text and first line, or a fault at that line ({@code json} is then null). */
    record Item(long line, String json, String error) {}

    private final Reader in;
    private long line = 1;
    private int pending = -2; // a character read ahead; -2 when none
    private boolean first = true;

    JsonObjectSequence(Reader in) {
        this.in = in;
    }

    /** The next object or fault, or null at the end. */
    Item next() throws IOException {
        int c = skipWhitespace();
        if (c < 0) return null;
        long start = line;
        if (c != '{') {
            StringBuilder stray = new StringBuilder();
            while (c >= 0 && c != '{') {
                if (stray.length() < 20) stray.append((char) c);
                c = read();
            }
            pending = c;
            return new Item(start, null, "bad JSON: \"" + stray.toString().strip() + "\" where an object should start");
        }
        StringBuilder json = new StringBuilder().append('{');
        int depth = 1;
        boolean inString = false;
        boolean escaped = false;
        while (depth > 0) {
            c = read();
            if (c < 0) return new Item(start, null, "bad JSON: the object starting here is not closed at the end of the file");
            json.append((char) c);
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return new Item(start, json.toString(), null);
    }

    private int skipWhitespace() throws IOException {
        int c;
        do {
            c = read();
        } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
        return c;
    }

    private int read() throws IOException {
        int c;
        if (pending != -2) {
            c = pending;
            pending = -2;
            return c;
        }
        c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') c = in.read();
        }
        if (c == '\n') line++;
        return c;
    }
}
