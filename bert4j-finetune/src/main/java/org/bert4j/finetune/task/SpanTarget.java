package org.bert4j.finetune.task;

import java.util.List;
import org.bert4j.finetune.head.Span;

/**
 * What a span feature carries: the text's characters as words in the row ({@link WordPieces}), each word's
 * character range in the text (to map predicted token positions back to text offsets), and the gold spans at
 * token positions (a span is scored from its first character's token to its last character's token). Gold spans
 * cut off by the maximum length are left out of the target; they still count as missed when scoring.
 */
public record SpanTarget(WordPieces pieces, int[] wordBegin, int[] wordEnd, List<Span> gold) {

    public SpanTarget {
        gold = List.copyOf(gold);
    }
}
