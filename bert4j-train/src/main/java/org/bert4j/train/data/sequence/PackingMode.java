package org.bert4j.train.data.sequence;

/** RoBERTa's input formats without NSP (Liu et al. 2019, section 4.2; MODELS.md section 3, "Input packing"). */
public enum PackingMode {
    /**
     * Contiguous full sentences up to the maximum length; a sequence may run on into the next document, with an
     * extra separator between the two. RoBERTa's choice for its final model.
     */
    FULL_SENTENCES,
    /** As {@link #FULL_SENTENCES}, but a sequence ends with its document (slightly better in RoBERTa's table 2). */
    DOC_SENTENCES
}
