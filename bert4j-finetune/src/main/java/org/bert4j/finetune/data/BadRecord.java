package org.bert4j.finetune.data;

/**
 * Why one record cannot be turned into an example. Readers catch it and hand it to {@link ReadReport#reject},
 * which applies the {@link OnBadRecord} policy; the reason needs no file or line, the report adds them.
 */
final class BadRecord extends Exception {

    /** A line more exact than the record's first one, or 0 when the record's line is the best there is. */
    private final long line;

    BadRecord(String reason) {
        this(reason, 0);
    }

    BadRecord(String reason, long line) {
        super(reason, null, false, false); // expected on bad data: no stack trace to fill
        this.line = line;
    }

    /** The line to report: the exact one when known, else the record's. */
    long lineOr(long recordLine) { return line > 0 ? line : recordLine; }
}
