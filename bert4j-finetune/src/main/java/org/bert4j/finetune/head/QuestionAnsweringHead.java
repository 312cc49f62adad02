package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Linear;

/**
 * The head of HF's {@code *ForQuestionAnswering}: {@code qa_outputs} Linear(d, 2) on every token's last state, channel
 * 0 the start score and 1 the end score. No dropout and no pooler, as in HF's BERT, RoBERTa, ALBERT and RoFormer
 * classes, which all share this layout and these names, so the saved directory loads there
 * ({@code BertForQuestionAnswering}, ...). RoFormerV2 and GAU-α, which HF lacks, get the same layout under
 * bert4j's names ({@code RoFormerV2ForQuestionAnswering}, {@code GAUAlphaForQuestionAnswering}).
 */
public final class QuestionAnsweringHead extends TaskHeadModule {

    private final String architecture;
    private final Linear qaOutputs;

    public QuestionAnsweringHead(SequenceClassifierSpec sequenceSpec, int hidden) {
        this.architecture = architecture(sequenceSpec.architecture(), "ForQuestionAnswering");
        this.qaOutputs = addChild("qa_outputs", new Linear(hidden, 2, true));
    }

    /** (rows, T, 2): start and end scores per token. */
    @Override
    public NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx) {
        return qaOutputs.forward(states.last());
    }

    public String architecture() { return architecture; }

    @Override
    public JsonObject config() {
        JsonObject o = architectureConfig(architecture);
        return o;
    }

    @Override
    public String describe() {
        return "QuestionAnsweringHead(hᵢ → qa_outputs " + qaOutputs.describe() + " → start, end)";
    }
}
