package org.bert4j.train.data.tokenized;

/** Which tokens start a word, for whole-word masking (MODELS.md section 3, "Whole-word"). */
public enum WordBoundaryMode {
    /** BERT's English rule: every token but a {@code ##} continuation piece starts a word. */
    WORD_PIECE,
    /** Chinese: a token starts a word where a jieba word starts (Cui et al. 2019, Chinese BERT-wwm, used LTP). */
    JIEBA,
    /** {@link #JIEBA} for a sentence with a Han character in it, {@link #WORD_PIECE} otherwise. */
    AUTO;

    public WordBoundaries boundaries() {
        return switch (this) {
            case WORD_PIECE -> new WordPieceBoundaries();
            case JIEBA -> new JiebaBoundaries();
            case AUTO -> new ScriptDependentBoundaries(new JiebaBoundaries(), new WordPieceBoundaries());
        };
    }
}
