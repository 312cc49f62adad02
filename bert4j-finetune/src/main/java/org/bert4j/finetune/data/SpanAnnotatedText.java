package org.bert4j.finetune.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text with entity spans, which may nest or overlap (CLUENER annotates that way, and GlobalPointer-style heads
 * can learn it; BIO tags cannot represent it, which is why spans are kept as spans). Spans are sorted by
 * {@link EntitySpan#BY_POSITION}.
 */
public record SpanAnnotatedText(String text, List<EntitySpan> spans) {

    public SpanAnnotatedText {
        Objects.requireNonNull(text, "text");
        List<EntitySpan> sorted = new ArrayList<>(spans);
        sorted.sort(EntitySpan.BY_POSITION);
        for (EntitySpan span : sorted) {
            if (span.end() > text.length()) {
                throw new IllegalArgumentException(span + " ends after the text (length " + text.length() + ")");
            }
        }
        spans = List.copyOf(sorted);
    }
}
