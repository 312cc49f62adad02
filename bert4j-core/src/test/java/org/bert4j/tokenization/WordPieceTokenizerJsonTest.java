package org.bert4j.tokenization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tokenizer.json written from a vocab.txt behaves as the one HF wrote: all-MiniLM-L6-v2's tokenizer.json
 * (BertTokenizerFast, uncased) is taken apart into its vocab.txt, rebuilt with lowercase=true, and both are run
 * through {@link TextTokenizer} on varied English text, text pairs, accents, CJK, unknown and over-long words.
 */
class WordPieceTokenizerJsonTest {

    private static final String RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private static final List<String> SINGLES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Hello, world!!! What's up?? (nothing much...)",
            "Don't stop believin' -- it's 'quoted' and \"double-quoted\".",
            "Café, naïve, résumé, Zürich, Ångström, façade and jalapeño.",
            "ÉCOLE NORMALE SUPÉRIEUR ÀÉÎÕÜ",
            "Pi is 3.14159, a million is 1,000,000 and today is 2024-05-17 at 10:30am.",
            "我爱北京天安门，天安门上太阳升。",
            "Mixed 中文 and English: 机器学习 is machine learning.",
            "supercalifragilisticexpialidocious pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism",
            "x".repeat(150) + " is longer than max_input_chars_per_word",
            "Unknown symbols: ☃ ⚛ 🙂 🚀 and the Klingon-ish word qapla'zzzqxj.",
            "Tabs\tand\nnewlines\r\nand  multiple   spaces and zero\u200Bwidth and soft\u00ADhyphen.",
            "Email me at someone@example.com or visit https://example.org/path?q=1&r=2#frag",
            "Greek αβγ δέλτα, Cyrillic Привет мир, Hangul 안녕하세요, kana ひらがな カタカナ.",
            "The capital of France is [MASK] and [MASK] is its river.",
            "C++ vs. C# vs. F#: $100 < €90 > £80 ~ 50% @ #hashtag & more*",
            "");

    private static final List<String[]> PAIRS = List.of(
            new String[] {"How old are you?", "I am six years old."},
            new String[] {"Where is the café?", "Il est près de la gare, à gauche."},
            new String[] {"北京是中国的首都。", "Beijing is the capital of China."},
            new String[] {"The meeting is at 3 p.m. on Tuesday.", "Bring 2 copies of the Q3 report, please!"},
            new String[] {"A short premise.", "A hypothesis with UNKNOWN-WORDS like xyzzyplughqwerty and ☃."});

    @TempDir
    static Path dir;
    private static Path original;
    private static Path generated;

    @BeforeAll
    static void rebuild() throws IOException {
        original = dir.resolve("original-tokenizer.json");
        try (InputStream in = WordPieceTokenizerJsonTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            Files.copy(in, original);
        }
        JsonObject vocab = JsonParser.parseString(Files.readString(original)).getAsJsonObject()
                .getAsJsonObject("model").getAsJsonObject("vocab");
        String[] byId = new String[vocab.size()];
        for (Map.Entry<String, com.google.gson.JsonElement> e : vocab.entrySet()) {
            int id = e.getValue().getAsInt();
            if (id < 0 || id >= byId.length || byId[id] != null) throw new IllegalStateException("vocab ids are not 0..n-1: " + id);
            byId[id] = e.getKey();
        }
        Path vocabTxt = dir.resolve("vocab.txt");
        Files.write(vocabTxt, List.of(byId), StandardCharsets.UTF_8);
        generated = dir.resolve("generated-tokenizer.json");
        WordPieceTokenizerJson.fromVocab(vocabTxt, true, generated);
    }

    @Test
    void singleTextsEncodeIdentically() {
        try (TextTokenizer a = TextTokenizer.load(original, 512); TextTokenizer b = TextTokenizer.load(generated, 512)) {
            for (String text : SINGLES) assertSame(text, a.encode(text), b.encode(text));
        }
    }

    @Test
    void pairsEncodeIdentically() {
        try (TextTokenizer a = TextTokenizer.load(original, 512); TextTokenizer b = TextTokenizer.load(generated, 512)) {
            for (String[] p : PAIRS) {
                Encoding ea = a.encodePair(p[0], p[1]);
                assertSame(p[0] + " | " + p[1], ea, b.encodePair(p[0], p[1]));
                assertTrue(java.util.Arrays.stream(ea.getTypeIds()).anyMatch(t -> t == 1), "pair has segment B");
            }
        }
    }

    @Test
    void truncationAgreesOnLongInputs() {
        String longText = String.join(" ", java.util.Collections.nCopies(40, "Tokenizers split naïve text into word-pieces."));
        try (TextTokenizer a = TextTokenizer.load(original, 32); TextTokenizer b = TextTokenizer.load(generated, 32)) {
            Encoding single = a.encode(longText);
            assertEquals(32, single.getIds().length, "truncated to the max length");
            assertSame("long single", single, b.encode(longText));
            assertSame("long pair", a.encodePair(longText, "short second."), b.encodePair(longText, "short second."));
            assertSame("long pair 2", a.encodePair("short first.", longText), b.encodePair("short first.", longText));
        }
    }

    @Test
    void specialTokensAndDecodingAgree() {
        try (TextTokenizer a = TextTokenizer.load(original, 512); TextTokenizer b = TextTokenizer.load(generated, 512)) {
            for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")) {
                assertEquals(a.tokenId(special), b.tokenId(special), special);
                assertTrue(b.tokenId(special) >= 0, special);
            }
            long[] ids = a.encode(SINGLES.get(3)).getIds();
            assertEquals(a.decode(ids), b.decode(ids));
            List<String> pieces = new ArrayList<>();
            for (long id : b.encode("unaffable").getIds()) pieces.add(b.token(id));
            assertEquals(pieces, List.of("[CLS]", "una", "##ffa", "##ble", "[SEP]"));
        }
    }

    @Test
    void vocabWithoutSpecialTokensIsRejected() throws IOException {
        Path vocab = dir.resolve("bad-vocab.txt");
        Files.write(vocab, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "hello"), StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> WordPieceTokenizerJson.fromVocab(vocab, true, dir.resolve("x.json")));
        assertTrue(e.getMessage().contains("[MASK]"), e.getMessage());
    }

    private static void assertSame(String what, Encoding expected, Encoding actual) {
        assertArrayEquals(expected.getIds(), actual.getIds(), () -> "ids of \"" + what + "\": "
                + List.of(expected.getTokens()) + " vs " + List.of(actual.getTokens()));
        assertArrayEquals(expected.getTypeIds(), actual.getTypeIds(), () -> "type ids of \"" + what + "\"");
        assertArrayEquals(expected.getAttentionMask(), actual.getAttentionMask(), () -> "attention mask of \"" + what + "\"");
        assertArrayEquals(expected.getTokens(), actual.getTokens(), () -> "tokens of \"" + what + "\"");
    }
}
