package org.bert4j.train.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.Encoding;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bert4j.testing.SharedData;
import org.bert4j.tokenization.TextTokenizer;
import org.bert4j.tokenization.WordPieceTokenizerJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our words are the words HF's BertNormalizer + BertPreTokenizer hand to WordPiece: checked on hand-made cases
 * and against the Rust tokenizer itself (bge-small-zh's cased tokenizer.json, and the same vocabulary rebuilt
 * lower-cased), whose words are recovered from its pieces and word ids; words it turned into [UNK] are skipped.
 */
class BasicTokenizerTest {

    private static final List<String> HAND_MADE = List.of(
            "Hello, World! 我爱北京天安门。",
            "Café, naïve, résumé, Zürich, ÀÉÎÕÜ and Ångström.",
            "Don't stop -- it's \"quoted\" (really) $100 < €90 ~ 50% @ #tag & more*",
            "Tabs\tnewlines\nCR\r\nno\u00A0break\u3000ideographic space, zero\u200Bwidth, soft\u00ADhyphen, bell\u0007.",
            "Greek ΣΊΣΥΦΟΣ, Cyrillic Привет, Hangul 안녕하세요, kana ひらがな, İstanbul.",
            "Mixed 中文 and English: 机器学习 is ML; 2024年5月17日 10:30。",
            "Compatibility ideograph \uF900 and extension B \uD840\uDC00 characters.");

    @TempDir
    static Path dir;
    private static Path cased;
    private static Path lowercased;

    @BeforeAll
    static void tokenizers() throws IOException {
        cased = dir.resolve("bge-small-zh-tokenizer.json");
        try (InputStream in = BasicTokenizerTest.class.getClassLoader().getResourceAsStream("bge-small-zh-v1.5-tokenizer.json")) {
            if (in == null) throw new IllegalStateException("bge-small-zh-v1.5-tokenizer.json is not on the test classpath");
            Files.copy(in, cased);
        }
        JsonObject vocab = JsonParser.parseString(Files.readString(cased)).getAsJsonObject()
                .getAsJsonObject("model").getAsJsonObject("vocab");
        String[] byId = new String[vocab.size()];
        vocab.entrySet().forEach(e -> byId[e.getValue().getAsInt()] = e.getKey());
        Path vocabTxt = dir.resolve("vocab.txt");
        Files.write(vocabTxt, List.of(byId), StandardCharsets.UTF_8);
        lowercased = dir.resolve("lowercased-tokenizer.json");
        WordPieceTokenizerJson.fromVocab(vocabTxt, true, lowercased);
    }

    @Test
    void splitsAsBertDoes() {
        assertEquals(List.of("hello", ",", "world", "!", "我", "爱", "北", "京", "天", "安", "门", "。"),
                new BasicTokenizer(true).words(HAND_MADE.get(0)));
        assertEquals(List.of("Café", ",", "naïve"), new BasicTokenizer(false).words("Café, naïve"));
        assertEquals(List.of("cafe", ",", "naive"), new BasicTokenizer(true).words("Café, naïve"));
        assertEquals(List.of("don", "'", "t", "a", "$", "1", "~", "b"), new BasicTokenizer(true).words("Don't a$1~b"));
        assertEquals(List.of("zerowidth", "bell"), new BasicTokenizer(true).words("zero\u200Bwidth bell\u0007"));
        assertEquals(List.of("no", "break"), new BasicTokenizer(true).words("no\u00A0break"));
    }

    @Test
    void casedWordsMatchHuggingFace() throws IOException {
        assertSameWords(cased, new BasicTokenizer(false));
    }

    @Test
    void lowercasedWordsMatchHuggingFace() throws IOException {
        assertSameWords(lowercased, new BasicTokenizer(true));
    }

    private static void assertSameWords(Path tokenizerJson, BasicTokenizer basic) throws IOException {
        int compared = 0;
        try (TextTokenizer hf = TextTokenizer.load(tokenizerJson, 100_000)) {
            for (String text : texts()) {
                List<String> expected = hfWords(hf.encode(text));
                List<String> actual = basic.words(text);
                assertEquals(expected.size(), actual.size(), () -> "word count of \"" + text + "\": " + expected + " vs " + actual);
                for (int i = 0; i < expected.size(); i++) {
                    if (expected.get(i) == null) continue;
                    assertEquals(expected.get(i), actual.get(i), "word " + i + " of \"" + text + "\"");
                    compared++;
                }
            }
        }
        assertEquals(true, compared > 20_000, "compared " + compared + " words");
    }

    /** HF's words: its pieces grouped by word id, ## removed; null for a word that became [UNK]. */
    private static List<String> hfWords(Encoding e) {
        List<String> words = new ArrayList<>();
        long current = -1;
        for (int i = 0; i < e.getIds().length; i++) {
            long word = e.getWordIds()[i];
            if (word < 0) continue; // [CLS], [SEP]
            String piece = e.getTokens()[i];
            if (word != current) {
                words.add(piece.equals("[UNK]") ? null : piece);
                current = word;
            } else if (words.get(words.size() - 1) != null) {
                words.set(words.size() - 1, words.get(words.size() - 1) + piece.substring(2));
            }
        }
        return words;
    }

    /** Hand-made cases, 400 Chinese texts and 400 English sentences. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(HAND_MADE);
        try (Stream<String> lines = Files.lines(SharedData.data("zh/corpus/fewclue_unlabeled/eprstmt.json"))) {
            lines.limit(400).forEach(l -> texts.add(JsonParser.parseString(l).getAsJsonObject().get("sentence").getAsString()));
        }
        try (Stream<String> lines = Files.lines(SharedData.data("en/classification/sst2/train.tsv"))) {
            lines.skip(1).limit(400).forEach(l -> texts.add(l.substring(0, l.indexOf('\t'))));
        }
        return texts;
    }
}
