package org.bert4j.finetune.task;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.PositionEncoding;
import org.bert4j.tokenization.TextTokenizer;

/**
 * Texts → encoder rows with the model's own {@code tokenizer.json}: its normaliser, its special tokens
 * ({@code [CLS] a [SEP] b [SEP]} for BERT, {@code <s> a </s></s> b </s>} for RoBERTa, as the tokenizer's
 * post-processor says) and truncation to the run's maximum length (pairs lose tokens from the longer text first,
 * HF's {@code longest_first}, or from the first text only where the second must survive whole). Ids are checked
 * against the model once per row, because an id past the embedding table or a segment the model has no embedding
 * for fails deep inside the engine with no hint that tokenizer and model do not belong together.
 */
public final class InputEncoder implements AutoCloseable {

    private final TextTokenizer tokenizer;
    /** The same tokenizer truncating only a pair's first text, loaded on first use (only multiple choice needs it). */
    private TextTokenizer firstOnly;
    /** The same tokenizer without truncation, loaded on first use: only QA windowing needs it. */
    private TextTokenizer untruncated;
    private final int maxLength;
    private final int vocabSize;
    private final int typeVocabSize;

    public InputEncoder(Path tokenizerJson, int maxLength, EncoderSpec spec) {
        if (maxLength < 3) throw new IllegalArgumentException("maximum length must be at least 3 (two special tokens and a word), got " + maxLength);
        if (spec.position() instanceof PositionEncoding.Absolute a && maxLength > a.maxPositions() - a.offset()) {
            throw new IllegalArgumentException("maximum length " + maxLength + " exceeds the model's " + (a.maxPositions() - a.offset())
                    + " learned positions (max_position_embeddings " + a.maxPositions() + ")");
        }
        this.tokenizer = TextTokenizer.load(tokenizerJson, maxLength);
        this.maxLength = maxLength;
        this.vocabSize = spec.vocabSize();
        this.typeVocabSize = spec.typeVocabSize();
    }

    public int maxLength() { return maxLength; }

    public TextTokenizer tokenizer() { return tokenizer; }

    public EncodedText encode(SequenceInput input) {
        return row(input.isPair() ? tokenizer.encodePair(input.text(), input.pair()) : tokenizer.encode(input.text()));
    }

    /**
     * A pair cut from the first text only (HF's {@code only_first}): a passage loses its tail so that the second text,
     * short but decisive (a question with one answer option), is kept whole. When the second text alone does not fit
     * beside the special tokens and one token of the first, the pair is cut longest first like {@link #encode}: a
     * row must still come out, and this is the only way left to make one.
     */
    public EncodedText encodeKeepingSecond(String first, String second) {
        if (firstOnly == null) firstOnly = TextTokenizer.load(tokenizer.file(), maxLength, TextTokenizer.Truncation.ONLY_FIRST);
        Encoding e;
        try {
            e = firstOnly.encodePair(first, second);
        } catch (RuntimeException tooLong) {
            // HF's tokenizers refuse only_first when the first text is too short to give up enough tokens.
            if (tooLong.getMessage() == null || !tooLong.getMessage().contains("Truncation")) throw tooLong;
            e = tokenizer.encodePair(first, second);
        }
        return row(e);
    }

    /**
     * Pre-split words (CoNLL tokens, Chinese characters) as one row, with where each word's first sub-token landed.
     * The words are joined by single spaces and the tokenizer's character offsets map sub-tokens back to words,
     * which works for any tokenizer that reports offsets (WordPiece, byte-level BPE, SentencePiece) without knowing
     * its special tokens or its rules for a word's first piece. A word the normaliser removes entirely (a control
     * character) or that falls past the maximum length has no position (-1).
     */
    public WordPieces encodeWords(List<String> words) {
        // The tokenizer's offsets count code points, not UTF-16 units: an emoji before a word must not shift it.
        StringBuilder text = new StringBuilder();
        int[] wordStart = new int[words.size()];
        int codePoints = 0;
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                text.append(' ');
                codePoints++;
            }
            wordStart[w] = codePoints;
            text.append(words.get(w));
            codePoints += words.get(w).codePointCount(0, words.get(w).length());
        }
        Encoding e = tokenizer.encode(text.toString());
        long[] special = e.getSpecialTokenMask();
        CharSpan[] spans = e.getCharTokenSpans();
        int[] first = new int[words.size()];
        Arrays.fill(first, -1);
        for (int t = 0; t < spans.length; t++) {
            if (special[t] != 0 || spans[t] == null || spans[t].getEnd() <= spans[t].getStart()) continue;
            int w = Arrays.binarySearch(wordStart, spans[t].getStart());
            if (w < 0) w = -w - 2; // the word whose start precedes the token's
            if (w >= 0 && first[w] < 0) first[w] = t;
        }
        EncodedText row = row(e);
        // Words lost to the length limit, not to the normaliser: some word has no piece and the row is full.
        boolean truncated = row.length() >= maxLength && Arrays.stream(first).anyMatch(f -> f < 0);
        return new WordPieces(row, first, truncated);
    }

    /**
     * A pair as the tokenizer encodes it, special tokens included but nothing cut: for tasks that slide windows over
     * a long second text and build each window's row themselves ({@link #row(long[], long[])}).
     */
    public Encoding encodeWholePair(String first, String second) {
        if (untruncated == null) untruncated = TextTokenizer.loadUntruncated(tokenizer.file());
        return untruncated.encodePair(first, second);
    }

    /**
     * A row a task assembled from this tokenizer's ids, at most {@link #maxLength} long, checked against the model as
     * every encoded row is.
     */
    public EncodedText row(long[] ids, long[] types) {
        if (ids.length > maxLength) throw new IllegalArgumentException("a row of " + ids.length + " tokens exceeds the maximum length " + maxLength);
        return checked(ids, types);
    }

    private EncodedText row(Encoding e) {
        return checked(e.getIds(), e.getTypeIds());
    }

    private EncodedText checked(long[] ids, long[] types) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabSize) {
                throw new IllegalArgumentException(tokenizer.file() + ": token id " + ids[i] + " is outside the model's "
                        + "vocab_size " + vocabSize + ": the tokenizer does not belong to this model");
            }
            // A model without segment embeddings (type_vocab_size 0) ignores them; one with a single type (RoBERTa) has only 0.
            if (typeVocabSize > 0 && types[i] >= typeVocabSize) {
                throw new IllegalArgumentException(tokenizer.file() + ": segment id " + types[i] + " but the model has "
                        + "type_vocab_size " + typeVocabSize + ": pair inputs need a tokenizer whose post-processor matches the model");
            }
        }
        return new EncodedText(ids, types);
    }

    @Override
    public void close() {
        tokenizer.close();
        if (firstOnly != null) firstOnly.close();
        if (untruncated != null) untruncated.close();
    }
}
