package org.bert4j.finetune.task;

/**
 * What a tagging feature carries to the loss and to decoding: where each word sits in the row, and its gold tag ids
 * (all "O" for a sentence read for prediction, where no loss is taken). The loss reads a tag only at its word's first sub-token; the other
 * sub-tokens and the special tokens are ignored, as HF's {@code -100} labels make them.
 */
public record TokenTarget(WordPieces pieces, int[] tags) {

    public TokenTarget {
        if (tags.length != pieces.firstPiece().length) {
            throw new IllegalArgumentException(pieces.firstPiece().length + " words but " + tags.length + " tags");
        }
    }
}
