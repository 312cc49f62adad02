package org.bert4j.finetune.head;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.bert4j.config.SequenceClassifierSpec;

/** Builds the sequence-level head a family's spec describes, with {@code outputs} logits (1 for regression). */
public final class SequenceHeads {

    private SequenceHeads() {}

    public static TaskHeadModule create(SequenceClassifierSpec spec, int hidden, int outputs) {
        if (outputs < 1) throw new IllegalArgumentException("a sequence head needs at least one output, got " + outputs);
        SequenceClassifierSpec.Layout layout = spec.layout();
        if (layout instanceof SequenceClassifierSpec.Layout.PooledLinear) return new PooledLinearHead(spec, hidden, outputs);
        if (layout instanceof SequenceClassifierSpec.Layout.FirstTokenTwoLayer t) {
            return new FirstTokenTwoLayerHead(spec, t.activation(), hidden, outputs);
        }
        return new FirstTokenLinearHead(spec, hidden, outputs);
    }

    /** {@code architectures} and, where the HF class reads one, the head's dropout key. */
    static JsonObject config(SequenceClassifierSpec spec) {
        JsonObject o = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add(spec.architecture());
        o.add("architectures", architectures);
        if (spec.dropoutKey() != null) o.addProperty(spec.dropoutKey(), spec.dropout());
        return o;
    }
}
