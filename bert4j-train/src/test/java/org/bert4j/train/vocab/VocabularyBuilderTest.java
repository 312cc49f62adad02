package org.bert4j.train.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bert4j.testing.SharedData;
import org.bert4j.tokenization.TextTokenizer;
import org.bert4j.train.report.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vocabularies built from real corpora load in DJL's Hugging Face tokenizer and round-trip the corpus text:
 * decode(encode(x)) equals x after BERT's normalisation, compared without spaces (BERT's decoder puts a space
 * between Chinese characters and around punctuation).
 */
class VocabularyBuilderTest {

    private static final int UNK = WordPieceTrainer.SPECIAL_TOKENS.indexOf("[UNK]");

    @TempDir
    Path dir;

    @Test
    void chineseTokenisesPerCharacterAndRoundTrips() throws IOException {
        // The short texts of FewCLUE's unlabelled data (news titles; pairs, two texts a line): 0.9 M characters.
        Path titles = SharedData.data("zh/corpus/fewclue_unlabeled/tnews.json");
        Path pairs = SharedData.data("zh/corpus/fewclue_unlabeled/bustm.json");
        TextLineSource source = new TextLineSource(List.of(titles, pairs), List.of("sentence", "sentence1", "sentence2"));
        VocabularyBuilder.Result r = build(source, 5000, true);
        assertEquals(5000, r.vocabulary().size(), () -> "vocabulary size honoured: " + r.vocabulary());
        List<String> sample = new ArrayList<>();
        source.forEachText(text -> { if (sample.size() < 2000 && text.hashCode() % 10 == 0) sample.add(text); });
        BasicTokenizer basic = new BasicTokenizer(true);
        try (TextTokenizer tok = TextTokenizer.load(r.tokenizerJson(), 100_000)) {
            for (String text : sample) {
                Encoding e = tok.encode(text);
                assertNoUnknown(text, e);
                for (String piece : e.getTokens()) {
                    if (piece.codePoints().anyMatch(BasicTokenizer::isChineseCharacter)) {
                        assertEquals(1, piece.codePointCount(0, piece.length()), "one character per piece in " + text);
                    }
                }
                assertRoundTrip(basic, tok, text, e);
            }
        }
        assertEquals(2000, sample.size(), "texts sampled");
    }

    @Test
    void englishRoundTripsAndFrequentWordsAreSinglePieces() throws IOException {
        Path corpus = dir.resolve("sst2-2000.txt");
        try (Stream<String> lines = Files.lines(SharedData.data("en/classification/sst2/train.tsv"))) {
            Files.write(corpus, (Iterable<String>) lines.skip(1).limit(2000).map(l -> l.substring(0, l.indexOf('\t')))::iterator,
                    StandardCharsets.UTF_8);
        }
        TextLineSource source = new TextLineSource(List.of(corpus), List.of("text"));
        VocabularyBuilder.Result r = build(source, 3000, true);
        assertEquals(3000, r.vocabulary().size(), "vocabulary size honoured");
        assertEquals(3000, Files.readAllLines(r.tokenizerJson().resolveSibling("vocab.txt")).size());
        BasicTokenizer basic = new BasicTokenizer(true);
        try (TextTokenizer tok = TextTokenizer.load(r.tokenizerJson(), 100_000)) {
            source.forEachText(text -> {
                Encoding e = tok.encode(text);
                assertNoUnknown(text, e);
                assertRoundTrip(basic, tok, text, e);
            });
            // The 100 most frequent words of two letters or more are each one piece.
            List<String> frequent = r.counts().counts().entrySet().stream().filter(w -> w.getKey().length() > 1)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(100)
                    .map(Map.Entry::getKey).toList();
            for (String word : frequent) {
                String[] pieces = tok.encode(word).getTokens();
                assertEquals(List.of("[CLS]", word, "[SEP]"), List.of(pieces), "frequent word " + word);
            }
        }
    }

    private VocabularyBuilder.Result build(TextLineSource source, int vocabSize, boolean lowercase) throws IOException {
        VocabularyBuilder builder = new VocabularyBuilder(new BasicTokenizer(lowercase), new WordPieceTrainer(vocabSize, 2, 0));
        ProgressBar quiet = new ProgressBar("counting", 0, "texts", new PrintStream(OutputStream.nullOutputStream()), false, 60_000);
        return builder.build(source, dir.resolve("vocab"), quiet);
    }

    private static void assertNoUnknown(String text, Encoding e) {
        for (long id : e.getIds()) assertTrue(id != UNK, () -> "[UNK] in " + List.of(e.getTokens()) + " for " + text);
    }

    private static void assertRoundTrip(BasicTokenizer basic, TextTokenizer tok, String text, Encoding e) {
        String expected = String.join("", basic.words(text));
        assertEquals(expected, tok.decode(e.getIds()).replace(" ", ""), "round trip of " + text);
    }
}
