package org.bert4j.train.data.tokenized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bert4j.train.data.TestCorpora;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Word starts on the real tokenizers: bert-base-chinese's vocabulary (via bge-small-zh) and MiniLM's English one. */
class WordBoundariesTest {

    private static HuggingFaceTokenizer chinese;
    private static HuggingFaceTokenizer english;

    @BeforeAll
    static void load() throws IOException {
        chinese = open(TestCorpora.chineseTokenizer());
        english = open(TestCorpora.englishTokenizer());
    }

    @AfterAll
    static void close() {
        chinese.close();
        english.close();
    }

    /** jieba: 我 | 爱 | 北京 | 天安门; the tokenizer: one token per character. */
    @Test
    void chineseWordStartsFollowJiebaWords() {
        String text = "我爱北京天安门";
        Encoding e = chinese.encode(text, false, false);
        assertArrayEquals(new String[] {"我", "爱", "北", "京", "天", "安", "门"}, e.getTokens());
        assertArrayEquals(new boolean[] {true, true, true, false, true, false, false}, new JiebaBoundaries().wordStarts(text, e));
        assertArrayEquals(new boolean[] {true, true, true, false, true, false, false},
                WordBoundaryMode.AUTO.boundaries().wordStarts(text, e));
    }

    /**
     * An emoji is two UTF-16 units but one code point: the tokenizer's spans count code points, jieba's offsets
     * UTF-16 units. Without converting, 京 (code point 2, UTF-16 index 3) would be taken for the start of 北京.
     */
    @Test
    void spansAfterAnEmojiAreConvertedToJiebaOffsets() {
        String text = "🙂北京欢迎你";
        Encoding e = chinese.encode(text, false, false);
        assertArrayEquals(new String[] {"[UNK]", "北", "京", "欢", "迎", "你"}, e.getTokens());
        assertArrayEquals(new boolean[] {true, true, false, true, false, true}, new JiebaBoundaries().wordStarts(text, e));
    }

    /** Latin words inside Chinese text come out of WordPiece as ## pieces, which never start a word. */
    @Test
    void continuationPiecesNeverStartAWordInChineseText() {
        String text = "他说hyperparameters很重要";
        Encoding e = chinese.encode(text, false, false);
        assertArrayEquals(new String[] {"他", "说", "h", "##y", "##per", "##pa", "##rame", "##ters", "很", "重", "要"}, e.getTokens());
        assertArrayEquals(new boolean[] {true, true, true, false, false, false, false, false, true, true, false},
                new JiebaBoundaries().wordStarts(text, e));
    }

    @Test
    void englishWordStartsAreTheTokensThatAreNotContinuations() {
        String text = "Tokenization of hyperparameters is unbelievably boring.";
        Encoding e = english.encode(text, false, false);
        assertArrayEquals(new String[] {"token", "##ization", "of", "hyper", "##para", "##meter", "##s", "is", "un", "##bel",
                "##ie", "##va", "##bly", "boring", "."}, e.getTokens());
        boolean[] expected = {true, false, true, true, false, false, false, true, true, false, false, false, false, true, true};
        assertArrayEquals(expected, new WordPieceBoundaries().wordStarts(text, e));
        assertArrayEquals(expected, WordBoundaryMode.AUTO.boundaries().wordStarts(text, e)); // no Han: the ## rule
    }

    private static HuggingFaceTokenizer open(Path file) throws IOException {
        return HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "false", "truncation", "false"));
    }
}
