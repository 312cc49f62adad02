package org.bert4j.finetune.head;

/**
 * A typed span of tokens, {@code start} to {@code end} inclusive (token indices of the encoder input), as
 * {@link GlobalPointer} scores and decodes them: entry (type, start, end) of its (B, types, T, T) score tensor.
 */
public record Span(int type, int start, int end) {

    public Span {
        if (type < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span: type " + type + ", tokens " + start + ".." + end);
        }
    }
}
