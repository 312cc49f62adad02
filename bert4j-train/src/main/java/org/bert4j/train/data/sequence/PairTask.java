package org.bert4j.train.data.sequence;

/** The sentence-pair objectives (MODELS.md section 3); label 1 marks the corrupted half of the pairs. */
public enum PairTask {
    /** Next-sentence prediction (BERT, Devlin et al. 2019): half of the B segments come from another document. */
    NSP,
    /** Sentence-order prediction (ALBERT, Lan et al. 2020): half of the pairs of consecutive segments are swapped. */
    SOP
}
