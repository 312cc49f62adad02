package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.EncoderSpec;
import org.bert4j.family.Family;
import org.bert4j.finetune.data.EntitySpan;
import org.bert4j.finetune.data.TagSet;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.tokenization.WordPieceTokenizerJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words split into several WordPiece pieces are labelled on their first piece only, and predictions read there come
 * back as one tag per word: "unbelievable" → un ##believ ##able, "games" → game ##s, an unknown word → [UNK].
 */
class WordAlignmentTest {

    @TempDir
    Path tmp;

    private Path tokenizer;
    private EncoderSpec spec;

    @BeforeEach
    void tokenizerAndSpec() throws IOException {
        Path vocab = tmp.resolve("vocab.txt");
        Files.write(vocab, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "un", "##believ", "##able", "game", "##s", "paris"));
        tokenizer = tmp.resolve("tokenizer.json");
        WordPieceTokenizerJson.fromVocab(vocab, true, tokenizer);
        HfConfig config = TinyModels.hf(TinyModels.config("bert"));
        Family family = ModelBuilder.family(config);
        spec = family.spec(config);
    }

    private static final List<String> WORDS = List.of("The", "unbelievable", "games", "xyz", "Paris");

    @Test
    void firstPieceOfEachWordCarriesItsTag() {
        try (InputEncoder encoder = new InputEncoder(tokenizer, 32, spec)) {
            WordPieces p = encoder.encodeWords(WORDS);
            // [CLS] the un ##believ ##able game ##s [UNK] paris [SEP]
            assertArrayEquals(new long[] {2, 5, 6, 7, 8, 9, 10, 1, 11, 3}, p.row().ids());
            assertArrayEquals(new int[] {1, 2, 5, 7, 8}, p.firstPiece());
            assertFalse(p.truncated());
        }
    }

    /** A character outside the BMP (an emoji, frequent in Weibo posts) must not shift the words after it. */
    @Test
    void charactersOutsideTheBmpKeepLaterWordsAligned() {
        try (InputEncoder encoder = new InputEncoder(tokenizer, 32, spec)) {
            WordPieces p = encoder.encodeWords(List.of("\uD83D\uDE00", "the", "games"));
            // [CLS] [UNK] the game ##s [SEP]
            assertArrayEquals(new int[] {1, 2, 3}, p.firstPiece());
        }
    }

    @Test
    void predictionsAtFirstPiecesMapBackToWords() {
        TokenClassification task = new TokenClassification(TagSet.of(List.of("O", "B-LOC", "B-MISC", "I-MISC")), false);
        // tag ids: O 0, B-LOC 1, B-MISC 2, I-MISC 3
        TaggedSequence sentence = new TaggedSequence(WORDS, List.of("O", "B-MISC", "I-MISC", "O", "B-LOC"));
        try (InputEncoder encoder = new InputEncoder(tokenizer, 32, spec)) {
            Feature<TokenTarget> f = task.features(sentence, 0, encoder).get(0);
            assertArrayEquals(new int[] {0, 2, 3, 0, 1}, f.target().tags());
            // Scores that say B-MISC on every piece of "unbelievable" except its first, which says I-MISC: only the first counts.
            int k = 4;
            float[] scores = new float[f.rows().get(0).length() * k];
            int[] perPosition = {0, 0, 3, 2, 2, 2, 2, 0, 1, 0};
            for (int t = 0; t < perPosition.length; t++) scores[t * k + perPosition[t]] = 5;
            TagPrediction p = task.predict(sentence, List.of(f), List.of(scores));
            assertEquals(List.of("O", "I-MISC", "B-MISC", "O", "B-LOC"), p.tags());
            assertEquals(List.of(new EntitySpan("MISC", 1, 2), new EntitySpan("MISC", 2, 3), new EntitySpan("LOC", 4, 5)), p.entities());
        }
    }

    @Test
    void wordsPastTheMaximumLengthArePredictedOutside() {
        TokenClassification task = new TokenClassification(TagSet.of(List.of("O", "B-LOC")), false);
        TaggedSequence sentence = new TaggedSequence(WORDS, List.of("O", "O", "O", "O", "B-LOC"));
        try (InputEncoder encoder = new InputEncoder(tokenizer, 5, spec)) {
            Feature<TokenTarget> f = task.features(sentence, 0, encoder).get(0);
            // [CLS] the un ##believ [SEP]
            assertArrayEquals(new int[] {1, 2, -1, -1, -1}, f.target().pieces().firstPiece());
            assertTrue(f.target().pieces().truncated());
            assertEquals(1, task.truncatedExamples());
            float[] scores = new float[5 * 2];
            for (int t = 0; t < 5; t++) scores[t * 2 + 1] = 5; // B-LOC everywhere the model sees
            TagPrediction p = task.predict(sentence, List.of(f), List.of(scores));
            assertEquals(List.of("B-LOC", "B-LOC", "O", "O", "O"), p.tags());
        }
    }
}
