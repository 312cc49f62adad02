package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Dropout;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Linear;

/**
 * The per-token head of HF's {@code *ForTokenClassification}: emissions = classifier(dropout(hᵢ)) for every token,
 * weights {@code classifier.weight} / {@code classifier.bias}, the backbone without its pooler. Every HF family
 * uses this same layout and the same dropout key as its sequence classifier, so the spec is derived from the
 * family's {@link SequenceClassifierSpec}: {@code BertForSequenceClassification} → {@code BertForTokenClassification}
 * (and {@code RoFormerV2ForTokenClassification}, {@code GAUAlphaForTokenClassification}: bert4j's own names for the
 * families HF lacks, with the same layout).
 *
 * <p>With a CRF (HF has no such class), the transitions are a child {@code crf} with pytorch-crf's names
 * ({@code crf.transitions}, {@code crf.start_transitions}, {@code crf.end_transitions}) and config.json says
 * {@code "crf": true}: HF's class would load the rest and report the three keys as unused, bert4j rebuilds the CRF.
 * The head returns emissions either way; the task computes the loss and decodes (softmax argmax or Viterbi).
 */
public final class TokenClassifierHead extends TaskHeadModule {

    /** config.json key saying the head has a CRF on its emissions. */
    public static final String CRF_KEY = "crf";

    private final String architecture;
    private final SequenceClassifierSpec spec;
    private final Linear classifier;
    private final LinearChainCrf crf;

    public TokenClassifierHead(SequenceClassifierSpec sequenceSpec, int hidden, int tags, boolean withCrf) {
        if (tags < 1) throw new IllegalArgumentException("a token head needs at least one tag, got " + tags);
        this.spec = sequenceSpec;
        this.architecture = architecture(sequenceSpec.architecture(), "ForTokenClassification");
        this.classifier = addChild("classifier", new Linear(hidden, tags, true));
        this.crf = withCrf ? addChild("crf", new LinearChainCrf(tags)) : null;
    }

    /** (rows, T, tags) emission scores. */
    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        return classifier.forward(Dropout.apply(states.last(), spec.dropout(), ctx));
    }

    /** The CRF over the emissions, or null for a per-token softmax. */
    public LinearChainCrf crf() { return crf; }

    public String architecture() { return architecture; }

    @Override
    public JsonObject config() {
        JsonObject o = architectureConfig(architecture);
        if (spec.dropoutKey() != null) o.addProperty(spec.dropoutKey(), spec.dropout());
        o.addProperty(CRF_KEY, crf != null);
        return o;
    }

    @Override
    public String describe() {
        return "TokenClassifierHead(hᵢ → dropout " + spec.dropout() + " → classifier" + (crf != null ? " → " + crf.describe() : "") + ")";
    }
}
