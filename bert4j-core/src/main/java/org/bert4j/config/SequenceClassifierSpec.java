package org.bert4j.config;

/**
 * The sequence-level head (classification or regression over the whole input) that a family's Hugging Face
 * {@code *ForSequenceClassification} class puts on its encoder, so a fine-tuned model saved by bert4j is a
 * directory that class loads, and one it saved is one bert4j loads. Only the shape and names are here; the
 * number of outputs is the task's.
 *
 * @param architecture the class name written to {@code architectures} ({@code BertForSequenceClassification}; ours
 *                     for the families HF lacks)
 * @param layout       where the logits come from, and under which parameter names
 * @param dropout      the head's dropout rate (HF applies it before each of the head's linear layers)
 * @param dropoutKey   the config.json key the HF class reads that rate from ({@code classifier_dropout},
 *                     ALBERT's {@code classifier_dropout_prob}), or null when the class uses
 *                     {@code hidden_dropout_prob} (RoFormer)
 */
public record SequenceClassifierSpec(String architecture, Layout layout, double dropout, String dropoutKey) {

    public SequenceClassifierSpec {
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("classifier dropout must be in [0, 1), got " + dropout);
    }

    /** The same head with another dropout rate (a {@code classifier_dropout} chosen for a fine-tuning run). */
    public SequenceClassifierSpec withDropout(double rate) {
        return new SequenceClassifierSpec(architecture, layout, rate, dropoutKey);
    }

    /** The head's structure; parameter names are HF's, relative to the model root (no backbone prefix). */
    public sealed interface Layout {

        /** Whether the head reads the backbone's pooler (which must then exist, freshly drawn if the checkpoint lacks it). */
        default boolean usesPooler() { return false; }

        /**
         * BERT, ALBERT: the backbone's pooler tanh(W·h₀ + b), dropout, {@code classifier} Linear(d, C). The pooler
         * is part of the backbone ({@code bert.pooler.dense}, ALBERT's {@code albert.pooler}).
         */
        record PooledLinear() implements Layout {
            @Override
            public boolean usesPooler() { return true; }
        }

        /**
         * RoBERTa ({@code tanh}) and RoFormer ({@code hidden_act}): the first token's state h₀, dropout,
         * {@code classifier.dense} Linear(d, d), the activation, dropout, {@code classifier.out_proj} Linear(d, C).
         * These models have no pooler; this dense layer plays its part.
         */
        record FirstTokenTwoLayer(Activation activation) implements Layout {}

        /**
         * RoFormerV2 and GAU-α (no HF class; as Su's bert4keras fine-tuning scripts): h₀, dropout, {@code classifier}
         * Linear(d, C). These families were pre-trained without NSP, so there is no pooler to reuse and none is
         * invented.
         */
        record FirstTokenLinear() implements Layout {}

        /**
         * DeBERTa v2/v3 (HF {@code ContextPooler}): h₀, {@code pooler.dense} Linear(d, d), the activation
         * ({@code pooler_hidden_act}), dropout, {@code classifier} Linear(d, C). The dense layer is the head's, not
         * the backbone's.
         */
        record ContextPooler(Activation activation) implements Layout {}
    }
}
