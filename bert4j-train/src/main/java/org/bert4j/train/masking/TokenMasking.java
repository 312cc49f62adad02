package org.bert4j.train.masking;

/** BERT's original masking: each maskable token is chosen on its own (Devlin et al. 2019, §3.1). */
public record TokenMasking() implements MaskingStrategy {

    @Override public String name() { return "token"; }

    @Override public boolean wholeWords() { return false; }

    @Override public UnitLengths unitLengths() { return UnitLengths.single(); }
}
