package org.bert4j.train.run;

/** A run file, preset or override that cannot be used; the message names the file and line (or override) and key. */
public final class RunConfigException extends IllegalArgumentException {

    public RunConfigException(String message) {
        super(message);
    }

    public RunConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
