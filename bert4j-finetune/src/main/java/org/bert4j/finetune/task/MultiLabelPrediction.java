package org.bert4j.finetune.task;

import java.util.Set;

/** A multi-label prediction: the class ids whose logit is above 0 (ZLPR's threshold) and every logit. */
public record MultiLabelPrediction(Set<Integer> labels, float[] logits) {

    public MultiLabelPrediction {
        labels = Set.copyOf(labels);
    }
}
