package org.bert4j.checkpoint.proto;

/**
 * Malformed protobuf bytes. It does not know which file it came from: readers catch it and rethrow a
 * {@link org.bert4j.checkpoint.CheckpointException} naming the file (and key, when there is one).
 */
public class ProtoException extends RuntimeException {
    public ProtoException(String message) { super(message); }
}
