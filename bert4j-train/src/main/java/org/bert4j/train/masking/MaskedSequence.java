package org.bert4j.train.masking;

/**
 * A sequence after masking: the corrupted input, and for each chosen position (ascending) the original token
 * the MLM head must predict there. {@code pairLabel} is carried over from the unmasked sequence.
 */
public record MaskedSequence(int[] inputIds, int[] typeIds, int[] maskedPositions, int[] maskedLabels, int pairLabel) {

    public MaskedSequence {
        if (inputIds.length != typeIds.length) throw new IllegalArgumentException("inputIds and typeIds differ in length");
        if (maskedPositions.length != maskedLabels.length) {
            throw new IllegalArgumentException("maskedPositions and maskedLabels differ in length");
        }
    }

    public int length() { return inputIds.length; }
}
