package org.bert4j.train.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.bert4j.tokenization.TextTokenizer;

/**
 * The ids training needs besides the text: the specials packing inserts ([CLS], [SEP]), the one masking writes
 * ([MASK]), the padding id, [UNK], and the vocabulary size (the range a random replacement token is drawn from).
 * BERT's WordPiece names are tried first, then RoBERTa's ({@code <s> </s> <mask> <pad> <unk>}).
 */
public record SpecialTokens(int cls, int sep, int mask, int pad, int unk, int vocabSize) {

    private static final Map<String, List<String>> NAMES = Map.of(
            "cls", List.of("[CLS]", "<s>"), "sep", List.of("[SEP]", "</s>"), "mask", List.of("[MASK]", "<mask>"),
            "pad", List.of("[PAD]", "<pad>"), "unk", List.of("[UNK]", "<unk>"));

    public SpecialTokens {
        for (int id : new int[] {cls, sep, mask, pad, unk}) {
            if (id < 0 || id >= vocabSize) throw new IllegalArgumentException("special token id " + id + " outside the vocabulary of " + vocabSize);
        }
    }

    public static SpecialTokens of(TextTokenizer tokenizer) {
        return lookUp(tokenizer::tokenId, tokenizer.file());
    }

    /** @param idOf a token's id, or -1 when the vocabulary lacks it */
    public static SpecialTokens lookUp(ToLongFunction<String> idOf, Path tokenizerJson) {
        return new SpecialTokens(find("cls", idOf, tokenizerJson), find("sep", idOf, tokenizerJson),
                find("mask", idOf, tokenizerJson), find("pad", idOf, tokenizerJson), find("unk", idOf, tokenizerJson),
                vocabularySize(tokenizerJson));
    }

    private static int find(String role, ToLongFunction<String> idOf, Path file) {
        for (String name : NAMES.get(role)) {
            long id = idOf.applyAsLong(name);
            if (id >= 0) return Math.toIntExact(id);
        }
        throw new IllegalArgumentException(file + ": the vocabulary has no " + role + " token (tried " + NAMES.get(role) + ")");
    }

    /** One more than the largest id in {@code model.vocab} (an object for WordPiece/BPE, a list for Unigram) and {@code added_tokens}. */
    static int vocabularySize(Path tokenizerJson) {
        try (Reader reader = Files.newBufferedReader(tokenizerJson, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            JsonElement vocab = root.getAsJsonObject("model").get("vocab");
            long max = -1;
            if (vocab != null && vocab.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : vocab.getAsJsonObject().entrySet()) max = Math.max(max, e.getValue().getAsLong());
            } else if (vocab != null && vocab.isJsonArray()) {
                max = vocab.getAsJsonArray().size() - 1;
            }
            if (root.has("added_tokens") && root.get("added_tokens").isJsonArray()) {
                for (JsonElement t : root.getAsJsonArray("added_tokens")) max = Math.max(max, t.getAsJsonObject().get("id").getAsLong());
            }
            if (max < 0) throw new IllegalArgumentException(tokenizerJson + ": no model.vocab to take the vocabulary size from");
            return Math.toIntExact(max + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException(tokenizerJson + ": cannot read the tokenizer file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) throw e;
            throw new IllegalArgumentException(tokenizerJson + ": malformed tokenizer.json (" + e + ")", e);
        }
    }
}
