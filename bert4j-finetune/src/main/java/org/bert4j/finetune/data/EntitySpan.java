package org.bert4j.finetune.data;

import java.util.Comparator;
import java.util.Objects;

/**
 * An entity mention of {@code type} covering positions {@code start} (inclusive) to {@code end} (exclusive): Java
 * {@code String} (UTF-16) indices for spans read from text, so {@code text.substring(start, end)} cuts it out
 * without conversion, or token positions for spans decoded from tag sequences. Readers convert from the file's
 * convention (CLUENER's and seqeval's inclusive ends: {@code end + 1}; code-point offsets where a file uses them).
 * Two spans are the same entity only if type, start and end all match, which is what entity-level scoring counts.
 */
public record EntitySpan(String type, int start, int end) implements Comparable<EntitySpan> {

    /** By position, then by type: reading order, the order readers deliver spans in whatever the file's order. */
    public static final Comparator<EntitySpan> BY_POSITION = Comparator.comparingInt(EntitySpan::start)
            .thenComparingInt(EntitySpan::end).thenComparing(EntitySpan::type);

    public EntitySpan {
        Objects.requireNonNull(type, "type");
        if (type.isEmpty()) throw new IllegalArgumentException("entity without a type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") of " + type + " is empty or negative");
        }
    }

    public int length() { return end - start; }

    /** The covered text of {@code text}. */
    public String in(String text) { return text.substring(start, end); }

    @Override
    public int compareTo(EntitySpan other) { return BY_POSITION.compare(this, other); }

    @Override
    public String toString() { return type + "[" + start + "," + end + ")"; }
}
