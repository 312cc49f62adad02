package org.bert4j.tokenization;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the {@code tokenizer.json} HF's {@code BertTokenizerFast} would make from a {@code vocab.txt}: BERT
 * normaliser (clean text, CJK characters split, optional lower-casing and accent stripping), BERT pre-tokeniser,
 * WordPiece with {@code ##} continuations, and the [CLS] A [SEP] (B [SEP]) template.
 */
public final class WordPieceTokenizerJson {

    private WordPieceTokenizerJson() {}

    public static void fromVocab(Path vocabTxt, boolean lowercase, Path out) throws IOException {
        List<String> tokens = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
        JsonObject vocab = new JsonObject();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.isEmpty()) throw new IOException(vocabTxt + ":" + (i + 1) + ": empty vocabulary line");
            if (!vocab.has(t)) vocab.addProperty(t, i);
        }
        for (String special : List.of("[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]")) {
            if (!vocab.has(special)) throw new IOException(vocabTxt + ": vocabulary lacks " + special);
        }
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", null);
        root.add("padding", null);
        JsonArray added = new JsonArray();
        for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
            JsonObject a = new JsonObject();
            a.addProperty("id", vocab.get(special).getAsInt());
            a.addProperty("content", special);
            a.addProperty("single_word", false);
            a.addProperty("lstrip", false);
            a.addProperty("rstrip", false);
            a.addProperty("normalized", false);
            a.addProperty("special", true);
            added.add(a);
        }
        root.add("added_tokens", added);
        JsonObject normalizer = new JsonObject();
        normalizer.addProperty("type", "BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars", true);
        normalizer.add("strip_accents", null); // follows lowercase, as in BERT
        normalizer.addProperty("lowercase", lowercase);
        root.add("normalizer", normalizer);
        JsonObject pre = new JsonObject();
        pre.addProperty("type", "BertPreTokenizer");
        root.add("pre_tokenizer", pre);
        root.add("post_processor", template(vocab));
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "WordPiece");
        decoder.addProperty("prefix", "##");
        decoder.addProperty("cleanup", true);
        root.add("decoder", decoder);
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordPiece");
        model.addProperty("unk_token", "[UNK]");
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        model.add("vocab", vocab);
        root.add("model", model);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root));
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonObject template(JsonObject vocab) {
        JsonObject post = new JsonObject();
        post.addProperty("type", "TemplateProcessing");
        post.add("single", pieces(new String[] {"[CLS]", "A", "[SEP]"}, new int[] {0, 0, 0}));
        post.add("pair", pieces(new String[] {"[CLS]", "A", "[SEP]", "B", "[SEP]"}, new int[] {0, 0, 0, 1, 1}));
        JsonObject specials = new JsonObject();
        for (String s : List.of("[CLS]", "[SEP]")) {
            JsonObject t = new JsonObject();
            t.addProperty("id", s);
            JsonArray ids = new JsonArray();
            ids.add(vocab.get(s).getAsInt());
            t.add("ids", ids);
            JsonArray toks = new JsonArray();
            toks.add(s);
            t.add("tokens", toks);
            specials.add(s, t);
        }
        post.add("special_tokens", specials);
        return post;
    }

    private static JsonArray pieces(String[] items, int[] typeIds) {
        JsonArray out = new JsonArray();
        for (int i = 0; i < items.length; i++) {
            JsonObject piece = new JsonObject();
            JsonObject inner = new JsonObject();
            boolean sequence = items[i].length() == 1;
            inner.addProperty("id", items[i]);
            inner.addProperty("type_id", typeIds[i]);
            piece.add(sequence ? "Sequence" : "SpecialToken", inner);
            out.add(piece);
        }
        return out;
    }
}
