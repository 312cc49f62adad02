package org.bert4j.train.data.corpus;

/** Why one line cannot be read; the reader turns it into a {@link CorpusProblem} with file and line. */
final class UnreadableLine extends Exception {

    UnreadableLine(String reason) {
        super(reason, null, false, false); // expected on bad data: no stack trace to fill
    }
}
