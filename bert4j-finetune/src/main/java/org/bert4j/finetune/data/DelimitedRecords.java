package org.bert4j.finetune.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a delimited file into records. Without quoting a record is a line cut at every delimiter. With quoting
 * (RFC 4180) a quoted field may run over several lines, and two faults are detected rather than guessed around: a
 * quote inside an unquoted field, and text after a closing quote. A faulty record is still consumed whole and
 * returned with its error, so that skipping it leaves the reader at the next record.
 */
final class DelimitedRecords {

    /** One record: the line it starts on, its fields, and the first fault found in it (null when none). */
    record Row(long line, List<String> fields, String error) {

        boolean blank() { return fields.size() == 1 && fields.get(0).isBlank() && error == null; }
    }

    private final LineSource lines;
    private final DelimitedFormat format;
    private String line;
    private int pos;

    DelimitedRecords(LineSource lines, DelimitedFormat format) {
        this.lines = lines;
        this.format = format;
    }

    /** The next record, or null at the end of the file. */
    Row next() throws IOException {
        line = lines.next();
        if (line == null) return null;
        long start = lines.lineNumber();
        if (!format.quoted()) return new Row(start, split(line, format.delimiter()), null);
        List<String> fields = new ArrayList<>();
        String error = null;
        pos = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            String fault = pos < line.length() && line.charAt(pos) == '"' ? readQuoted(field, fields.size() + 1)
                    : readUnquoted(field, fields.size() + 1);
            if (error == null) error = fault;
            fields.add(field.toString());
            if (line == null) return new Row(start, fields, error); // an unclosed quote ran to the end of the file
            if (pos >= line.length()) return new Row(start, fields, error);
            pos++; // the delimiter
        }
    }

    private String readUnquoted(StringBuilder field, int number) {
        int end = line.indexOf(format.delimiter(), pos);
        if (end < 0) end = line.length();
        field.append(line, pos, end);
        pos = end;
        return field.indexOf("\"") >= 0
                ? "field " + number + " has a quote but does not start with one (quote the whole field and double inner quotes)"
                : null;
    }

    private String readQuoted(StringBuilder field, int number) throws IOException {
        long opened = lines.lineNumber();
        pos++; // the opening quote
        while (true) {
            int quote = line.indexOf('"', pos);
            if (quote < 0) {
                field.append(line, pos, line.length()).append('\n');
                line = lines.next();
                pos = 0;
                if (line == null) return "the quote opening field " + number + " on line " + opened + " is never closed";
                continue;
            }
            field.append(line, pos, quote);
            if (quote + 1 < line.length() && line.charAt(quote + 1) == '"') {
                field.append('"');
                pos = quote + 2;
                continue;
            }
            pos = quote + 1;
            break;
        }
        if (pos < line.length() && line.charAt(pos) != format.delimiter()) {
            int end = line.indexOf(format.delimiter(), pos);
            if (end < 0) end = line.length();
            field.append(line, pos, end);
            pos = end;
            return "field " + number + " has text after its closing quote";
        }
        return null;
    }

    private static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        int from = 0;
        for (int at; (at = line.indexOf(delimiter, from)) >= 0; from = at + 1) fields.add(line.substring(from, at));
        fields.add(line.substring(from));
        return fields;
    }
}
