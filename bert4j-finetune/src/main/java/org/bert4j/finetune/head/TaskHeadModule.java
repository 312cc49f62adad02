package org.bert4j.finetune.head;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.bert4j.config.Initialization;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.ForwardContext;
import org.bert4j.nn.Module;

/**
 * A head a fine-tuning task puts on the encoder. Its parameter paths are the checkpoint names of the HF class it
 * mirrors ({@code classifier.weight}, {@code classifier.out_proj.bias}), because it is saved and loaded by those
 * paths ({@link org.bert4j.pretrained.TaskHead}). It reads the backbone's states, and may use blocks the backbone
 * owns (BERT's pooler lives at {@code bert.pooler} in HF, so it stays in the backbone). Like every head it returns
 * scores, never a loss: the task computes that.
 */
public abstract class TaskHeadModule extends Module {

    /**
     * @param backbone      the encoder with its own heads (the pooler)
     * @param states        the backbone's hidden states for the batch's rows
     * @param attentionMask (rows, T), 1 on real tokens
     */
    public abstract NDArray forward(EncoderModel backbone, Encoder.Output states, NDArray attentionMask, ForwardContext ctx);

    /**
     * Whether the head reads the backbone's pooler, which must then be built (and drawn fresh when the
     * checkpoint has none) and is trained and saved with the backbone.
     */
    public boolean usesPooler() { return false; }

    /**
     * How the head's fresh weights are drawn, given the backbone's scheme: the backbone's by default (HF draws a
     * classifier like the encoder's layers).
     */
    public Initialization initialization(Initialization backbone) { return backbone; }

    /** What config.json must hold for the HF class to rebuild this head: {@code architectures}, its dropout key. */
    public abstract JsonObject config();

    /**
     * The name of a family's class for another task, from its sequence classifier's: HF names every family's task
     * classes alike ({@code BertForSequenceClassification} → {@code BertForTokenClassification},
     * {@code BertForQuestionAnswering}), and bert4j's own heads and families follow the pattern.
     *
     * @param taskSuffix {@code ForTokenClassification}, {@code ForQuestionAnswering}, ...
     */
    protected static String architecture(String sequenceArchitecture, String taskSuffix) {
        String suffix = "ForSequenceClassification";
        if (!sequenceArchitecture.endsWith(suffix)) {
            throw new IllegalArgumentException("cannot name the " + taskSuffix + " head of " + sequenceArchitecture);
        }
        return sequenceArchitecture.substring(0, sequenceArchitecture.length() - suffix.length()) + taskSuffix;
    }

    /** The start of a head's {@link #config}: {@code "architectures": [architecture]}, as HF's {@code from_pretrained} reads it. */
    protected static JsonObject architectureConfig(String architecture) {
        JsonObject o = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add(architecture);
        o.add("architectures", architectures);
        return o;
    }
}
