package org.bert4j.finetune.head;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.SequenceClassifierSpec;
import org.bert4j.family.Family;

/**
 * Builds the sequence-level head a family's spec describes, with {@code outputs} logits (1 for regression, and 1 per
 * option for multiple choice, whose HF classes are the same blocks with one output).
 */
public final class SequenceHeads {

    private static final String SEQUENCE = "ForSequenceClassification";

    private SequenceHeads() {}

    public static TaskHeadModule create(SequenceClassifierSpec spec, int hidden, int outputs) {
        if (outputs < 1) throw new IllegalArgumentException("a sequence head needs at least one output, got " + outputs);
        SequenceClassifierSpec.Layout layout = spec.layout();
        if (layout instanceof SequenceClassifierSpec.Layout.PooledLinear) return new PooledLinearHead(spec, hidden, outputs);
        if (layout instanceof SequenceClassifierSpec.Layout.FirstTokenTwoLayer t) {
            return new FirstTokenTwoLayerHead(spec, t.activation(), hidden, outputs);
        }
        if (layout instanceof SequenceClassifierSpec.Layout.ContextPooler c) return new ContextPoolerHead(spec, c.activation(), hidden, outputs);
        return new FirstTokenLinearHead(spec, hidden, outputs);
    }

    /**
     * {@code head} with a run's own dropout ({@code train.classifier_dropout}; NaN keeps the config's). A class that
     * reads its head dropout from {@code hidden_dropout_prob} cannot be told another rate without changing the
     * encoder's, so that is refused rather than saved wrong.
     */
    public static SequenceClassifierSpec withDropout(SequenceClassifierSpec head, double dropout) {
        if (Double.isNaN(dropout) || dropout == head.dropout()) return head;
        if (head.dropoutKey() == null) {
            throw new IllegalArgumentException(head.architecture() + " uses hidden_dropout_prob (" + head.dropout()
                    + ") as its head dropout; a different classifier dropout could not be saved in its config");
        }
        return head.withDropout(dropout);
    }

    /**
     * The head of the family's HF {@code *ForMultipleChoice} class, which scores each (passage, question + option)
     * row with one output: BERT and ALBERT keep their sequence head (pooler, dropout, {@code classifier}) and its
     * dropout key; RoBERTa's class uses the pooler too (not its two-layer sequence head), with
     * {@code hidden_dropout_prob}; RoFormerV2 and GAU-α, which HF lacks, keep their first-token {@code classifier},
     * named {@code RoFormerV2ForMultipleChoice} and {@code GAUAlphaForMultipleChoice}; DeBERTa keeps its context
     * pooler and {@code classifier}. RoFormer's and ELECTRA's classes summarise each row with HF's
     * {@code SequenceSummary} (RoFormer's by default at the last position, which is padding in a padded batch);
     * bert4j does not build that head, and says so rather than save a model HF would run differently.
     */
    public static SequenceClassifierSpec multipleChoice(Family family, SequenceClassifierSpec sequence, EncoderSpec encoder) {
        String name = sequence.architecture();
        if (!name.endsWith(SEQUENCE)) throw new IllegalArgumentException("cannot name the multiple-choice head of " + name);
        String architecture = name.substring(0, name.length() - SEQUENCE.length()) + "ForMultipleChoice";
        if (sequence.layout() instanceof SequenceClassifierSpec.Layout.FirstTokenTwoLayer) {
            if (!family.modelType().equals("roberta")) {
                throw new IllegalArgumentException(architecture + " summarises each option with HF's SequenceSummary, which "
                        + "bert4j does not build: multiple choice needs a BERT, RoBERTa, ALBERT, DeBERTa, RoFormerV2 or GAU-α model");
            }
            return new SequenceClassifierSpec(architecture, new SequenceClassifierSpec.Layout.PooledLinear(), encoder.hiddenDropout(), null);
        }
        return new SequenceClassifierSpec(architecture, sequence.layout(), sequence.dropout(), sequence.dropoutKey());
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
