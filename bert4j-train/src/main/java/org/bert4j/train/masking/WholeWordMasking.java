package org.bert4j.train.masking;

/**
 * Whole-word masking (BERT's 2019 WWM release; Cui et al. 2019 for Chinese with a word segmenter): a word is chosen
 * as a whole and all its tokens are predicted, so the model cannot recover a piece from the word's other pieces.
 */
public record WholeWordMasking() implements MaskingStrategy {

    @Override public String name() { return "whole_word"; }

    @Override public boolean wholeWords() { return true; }

    @Override public UnitLengths unitLengths() { return UnitLengths.single(); }
}
