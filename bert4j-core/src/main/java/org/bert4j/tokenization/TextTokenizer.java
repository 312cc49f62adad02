package org.bert4j.tokenization;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real {@code tokenizer.json} (WordPiece, BPE, Unigram: whatever HF's Rust tokenizers load) through DJL's
 * binding, with the special tokens added as the tokenizer's post-processor says ([CLS] … [SEP] for BERT).
 */
public final class TextTokenizer implements AutoCloseable {

    private final Path file;
    private final HuggingFaceTokenizer tokenizer;

    private TextTokenizer(Path file, HuggingFaceTokenizer tokenizer) {
        this.file = file;
        this.tokenizer = tokenizer;
    }

    /**
     * How a pair longer than the maximum length is cut, as HF's {@code truncation} argument: {@code longest_first}
     * takes tokens from the longer text one at a time; {@code only_first} takes them from the first text only, for
     * inputs whose second text must survive whole (a multiple-choice option after a long passage), and fails when
     * the second text alone leaves no room.
     */
    public enum Truncation {
        LONGEST_FIRST("true"), ONLY_FIRST("only_first");

        private final String option;

        Truncation(String option) { this.option = option; }
    }

    /** @param maxLength truncate longer inputs to this many tokens (special tokens included), longest text first */
    public static TextTokenizer load(Path tokenizerJson, int maxLength) {
        return load(tokenizerJson, maxLength, Truncation.LONGEST_FIRST);
    }

    /** @param maxLength truncate longer inputs to this many tokens (special tokens included), as {@code truncation} says */
    public static TextTokenizer load(Path tokenizerJson, int maxLength, Truncation truncation) {
        return open(tokenizerJson, Map.of("addSpecialTokens", "true", "truncation", truncation.option, "padding", "false",
                "maxLength", Integer.toString(maxLength)));
    }

    /**
     * The tokenizer without a length limit: for callers that cut long inputs themselves (extractive QA slides
     * windows over a context and needs all of its tokens and their offsets, which truncation would drop).
     */
    public static TextTokenizer loadUntruncated(Path tokenizerJson) {
        return open(tokenizerJson, Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
    }

    private static TextTokenizer open(Path tokenizerJson, Map<String, String> options) {
        if (!Files.isRegularFile(tokenizerJson)) throw new IllegalArgumentException(tokenizerJson + ": no such tokenizer file");
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(tokenizerJson, options);
            return new TextTokenizer(tokenizerJson, t);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(tokenizerJson + ": cannot load tokenizer: " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    public Encoding encode(String text) { return tokenizer.encode(text); }

    public Encoding encodePair(String first, String second) { return tokenizer.encode(first, second); }

    /** The id of a token string such as {@code [MASK]}, or -1 when the vocabulary lacks it. */
    public long tokenId(String token) {
        Encoding e = tokenizer.encode(token, false, false);
        String[] tokens = e.getTokens();
        return tokens.length == 1 && tokens[0].equals(token) ? e.getIds()[0] : -1;
    }

    public String decode(long[] ids) { return tokenizer.decode(ids, true); }

    /** The piece for one id as the vocabulary spells it (## continuations kept). */
    public String token(long id) {
        return tokenizer.decode(new long[] {id}, false).trim();
    }

    /** Right-padded (B, T) arrays for a batch of encodings; padding uses {@code padId}, mask 0. */
    public static Batch pad(NDManager manager, List<Encoding> encodings, long padId) {
        int rows = encodings.size();
        int length = encodings.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        long[][] ids = new long[rows][length];
        long[][] types = new long[rows][length];
        long[][] mask = new long[rows][length];
        for (int i = 0; i < rows; i++) {
            Encoding e = encodings.get(i);
            java.util.Arrays.fill(ids[i], padId);
            System.arraycopy(e.getIds(), 0, ids[i], 0, e.getIds().length);
            System.arraycopy(e.getTypeIds(), 0, types[i], 0, e.getTypeIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask[i], 0, e.getAttentionMask().length);
        }
        return new Batch(manager.create(ids), manager.create(types), manager.create(mask));
    }

    /** Model inputs: ids, segment ids, attention mask, each (B, T) int64. */
    public record Batch(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask) {}

    @Override
    public void close() {
        tokenizer.close();
    }
}
