package org.bert4j.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bert4j.tokenization.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecialTokensTest {

    /** The ids of google-research/bert's uncased vocab.txt ([PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103; 30522 pieces). */
    @Test
    void readsTheIdsAndVocabularySizeOfARealTokenizer() {
        try (TextTokenizer english = TextTokenizer.load(TestCorpora.englishTokenizer(), 512);
             TextTokenizer chinese = TextTokenizer.load(TestCorpora.chineseTokenizer(), 512)) {
            assertEquals(new SpecialTokens(101, 102, 103, 0, 100, 30522), SpecialTokens.of(english));
            assertEquals(new SpecialTokens(101, 102, 103, 0, 100, 21128), SpecialTokens.of(chinese));
        }
    }

    @Test
    void aVocabularyWithoutAMaskTokenIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"model\": {\"vocab\": {\"[PAD]\": 0, \"[UNK]\": 1, \"[CLS]\": 2, \"[SEP]\": 3}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecialTokens.lookUp(
                token -> switch (token) {
                    case "[PAD]" -> 0;
                    case "[UNK]" -> 1;
                    case "[CLS]" -> 2;
                    case "[SEP]" -> 3;
                    default -> -1;
                }, file));
        assertTrue(e.getMessage().startsWith(file + ": the vocabulary has no mask token"), e.getMessage());
    }
}
