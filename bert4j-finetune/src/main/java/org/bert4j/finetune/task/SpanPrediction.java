package org.bert4j.finetune.task;

import java.util.List;
import org.bert4j.finetune.data.EntitySpan;

/** The spans predicted in one text, with text offsets (UTF-16, end exclusive), nested or overlapping ones included. */
public record SpanPrediction(String text, List<EntitySpan> entities) {

    public SpanPrediction {
        entities = List.copyOf(entities);
    }
}
