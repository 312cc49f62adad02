package org.bert4j.finetune.data;

/**
 * The layout of a delimited text file. {@link #CSV} follows RFC 4180: a field may be enclosed in double quotes,
 * inside which a comma, a line break or a doubled quote {@code ""} is text (the Chinese review sets quote every
 * review that contains a comma). {@link #TSV} has no quoting at all: the CLUE and GLUE TSV files write quotes as
 * plain text, so reading them as quoted would join lines. {@code header}: whether the first record names the
 * columns, so that columns can be chosen by name.
 */
public record DelimitedFormat(char delimiter, boolean quoted, boolean header) {

    public static final DelimitedFormat CSV = new DelimitedFormat(',', true, false);
    public static final DelimitedFormat TSV = new DelimitedFormat('\t', false, false);

    public DelimitedFormat {
        if (quoted && delimiter == '"') throw new IllegalArgumentException("the delimiter cannot be the quote");
        if (delimiter == '\n' || delimiter == '\r') throw new IllegalArgumentException("the delimiter cannot end lines");
    }

    public DelimitedFormat withHeader() { return new DelimitedFormat(delimiter, quoted, true); }

    public DelimitedFormat withoutHeader() { return new DelimitedFormat(delimiter, quoted, false); }
}
