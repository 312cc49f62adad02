package org.bert4j.finetune.task;

import java.util.List;
import org.bert4j.finetune.data.EntitySpan;

/**
 * A tagger's answer for one sentence: one tag per word (or character) and the entities they decode to, with word
 * positions, end exclusive.
 */
public record TagPrediction(List<String> tags, List<EntitySpan> entities) {

    public TagPrediction {
        tags = List.copyOf(tags);
        entities = List.copyOf(entities);
    }
}
