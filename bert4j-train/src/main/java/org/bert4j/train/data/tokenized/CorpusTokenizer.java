package org.bert4j.train.data.tokenized;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bert4j.train.data.SpecialTokens;

/**
 * The model's {@code tokenizer.json} for corpus text: no special tokens (packing adds [CLS]/[SEP] where the
 * sequence layout puts them) and no truncation (packing cuts long sentences; a truncating tokenizer would drop
 * their tails silently). Core's {@code TextTokenizer} is the one for model inputs; this one is for corpora.
 */
public final class CorpusTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final WordBoundaries boundaries;
    private final SpecialTokens specialTokens;

    private CorpusTokenizer(HuggingFaceTokenizer tokenizer, WordBoundaries boundaries, SpecialTokens specialTokens) {
        this.tokenizer = tokenizer;
        this.boundaries = boundaries;
        this.specialTokens = specialTokens;
    }

    public static CorpusTokenizer load(Path tokenizerJson, WordBoundaries boundaries) {
        if (!Files.isRegularFile(tokenizerJson)) throw new IllegalArgumentException(tokenizerJson + ": no such tokenizer file");
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(tokenizerJson + ": cannot load tokenizer: " + e.getMessage(), e);
        }
        try {
            return new CorpusTokenizer(hf, boundaries, SpecialTokens.lookUp(token -> idOf(hf, token), tokenizerJson));
        } catch (RuntimeException e) {
            hf.close();
            throw e;
        }
    }

    public SpecialTokens specialTokens() { return specialTokens; }

    public TokenizedText tokenize(String sentence) {
        return toText(sentence, tokenizer.encode(sentence, false, false));
    }

    /** The sentences of one document in one native call. */
    public List<TokenizedText> tokenize(List<String> sentences) {
        Encoding[] encodings = tokenizer.batchEncode(sentences, false, false);
        List<TokenizedText> out = new ArrayList<>(encodings.length);
        for (int i = 0; i < encodings.length; i++) out.add(toText(sentences.get(i), encodings[i]));
        return out;
    }

    private TokenizedText toText(String sentence, Encoding encoding) {
        long[] ids = encoding.getIds();
        int[] narrow = new int[ids.length];
        for (int i = 0; i < ids.length; i++) narrow[i] = Math.toIntExact(ids[i]);
        return new TokenizedText(narrow, boundaries.wordStarts(sentence, encoding));
    }

    private static long idOf(HuggingFaceTokenizer tokenizer, String token) {
        Encoding e = tokenizer.encode(token, false, false);
        String[] tokens = e.getTokens();
        return tokens.length == 1 && tokens[0].equals(token) ? e.getIds()[0] : -1;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
