package org.bert4j.checkpoint;

/** A checkpoint could not be read or does not fit the model; the message names the file and the key. */
public class CheckpointException extends RuntimeException {
    public CheckpointException(String message) { super(message); }

    public CheckpointException(String message, Throwable cause) { super(message, cause); }
}
