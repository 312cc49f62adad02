package org.bert4j.head;

import ai.djl.ndarray.NDArray;
import org.bert4j.nn.Linear;
import org.bert4j.nn.Module;

/** NSP (BERT) or SOP (ALBERT): Linear(d, 2) on the pooled output; class 0 = "in order / is next". */
public final class SentencePairHead extends Module {

    private final Linear classifier;

    public SentencePairHead(int hidden) {
        this.classifier = addChild("classifier", new Linear(hidden, 2, true));
    }

    /** (B, d) pooled → (B, 2) logits. */
    public NDArray logits(NDArray pooled) {
        return classifier.forward(pooled);
    }

    @Override
    public String describe() {
        return "SentencePairHead(2 classes)";
    }
}
