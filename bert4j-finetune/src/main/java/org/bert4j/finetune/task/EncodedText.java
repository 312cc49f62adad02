package org.bert4j.finetune.task;

/**
 * One encoder row: token ids and segment ids with the special tokens already in place, at most the run's maximum
 * length. Padding is added per batch ({@link org.bert4j.finetune.train.EncoderBatch}), never here, so each batch
 * pads only to its own longest row.
 */
public record EncodedText(long[] ids, long[] typeIds) {

    public EncodedText {
        if (ids.length != typeIds.length) {
            throw new IllegalArgumentException(ids.length + " token ids but " + typeIds.length + " segment ids");
        }
        if (ids.length == 0) throw new IllegalArgumentException("an encoder row needs at least one token");
    }

    public int length() { return ids.length; }
}
