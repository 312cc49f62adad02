package org.bert4j.train.data.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.bert4j.train.data.HeldOutSplit;
import org.bert4j.train.data.SequenceRandom;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.TestCorpora;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.data.corpus.CorpusFormat;
import org.bert4j.train.data.tokenized.CorpusSettings;
import org.bert4j.train.data.tokenized.TokenizedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedSequencesTest {

    private static final int MAX_LENGTH = 128;
    private static final RandomGenerator UNUSED = SequenceRandom.forSequence(1, 0, 0);

    @TempDir
    Path dir;

    /**
     * One sentence a line, a blank line between documents; each Han character is one token. maxLength 8 leaves 6
     * tokens between [CLS] and [SEP]; the 13-character sentence is longer than that and is cut 6 + 6 + 1.
     */
    @Test
    void laysOutSentencesGreedilyWithSeparatorsBetweenDocuments() throws IOException {
        Path file = dir.resolve("docs.txt");
        Files.writeString(file, "一二\n\n三四\n五六七八九\n\n" + "十".repeat(13) + "\n\n甲\n");
        TokenizedCorpus corpus = TokenizedCorpus.open(CorpusSettings.of(List.of(file), TestCorpora.chineseTokenizer())
                .withFormat(new CorpusFormat.BlankLineSeparated()), dir.resolve("cache"), p -> { throw new AssertionError(p); });
        String ten = "十".repeat(6);
        assertEquals(List.of("[CLS]一二[SEP]三四[SEP]", "[CLS]五六七八九[SEP]", "[CLS]" + ten + "[SEP]", "[CLS]" + ten + "[SEP]",
                "[CLS]十[SEP]甲[SEP]"), render(PackedSequences.pack(corpus, PackingMode.FULL_SENTENCES, 8), corpus));
        assertEquals(List.of("[CLS]一二[SEP]", "[CLS]三四[SEP]", "[CLS]五六七八九[SEP]", "[CLS]" + ten + "[SEP]", "[CLS]" + ten + "[SEP]",
                "[CLS]十[SEP]", "[CLS]甲[SEP]"), render(PackedSequences.pack(corpus, PackingMode.DOC_SENTENCES, 8), corpus));
    }

    /** FULL-SENTENCES on real text: every corpus token exactly once, in order, [SEP] exactly at document changes. */
    @Test
    void fullSentencesCoverTheCorpusInOrder() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        PackedSequences packed = PackedSequences.pack(corpus, PackingMode.FULL_SENTENCES, MAX_LENGTH);
        int[] all = IntStream.range(0, corpus.documents()).toArray();
        Walk walk = walk(corpus, packed, all);
        assertEquals(corpus.tokens(), walk.position, "every token is in some sequence");
        assertTrue(walk.crossings > packed.size() / 2, "reviews are short: most sequences run on into the next one: " + walk.crossings);
    }

    @Test
    void docSentencesNeverCrossADocument() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        PackedSequences packed = PackedSequences.pack(corpus, PackingMode.DOC_SENTENCES, MAX_LENGTH);
        Walk walk = walk(corpus, packed, IntStream.range(0, corpus.documents()).toArray());
        assertEquals(0, walk.crossings);
        assertTrue(packed.size() >= corpus.documents(), "at least one sequence per document");
    }

    /** Packing one side of a held-out split uses exactly that side's documents. */
    @Test
    void packsOnlyTheGivenDocuments() {
        TokenizedCorpus corpus = TestCorpora.fewClue("eprstmt.json", 3000);
        HeldOutSplit split = HeldOutSplit.of(corpus.documents(), 0.1, 42);
        Walk walk = walk(corpus, PackedSequences.pack(corpus, split.heldOut(), PackingMode.FULL_SENTENCES, MAX_LENGTH), split.heldOut());
        long expected = IntStream.of(split.heldOut()).mapToLong(d -> corpus.documentEndToken(d) - corpus.documentFirstToken(d)).sum();
        assertEquals(expected, walk.position);
    }

    /** What the corpus walk found. {@code position} counts tokens of {@code documents} matched in order. */
    private static final class Walk {
        long position;
        int crossings;
    }

    /**
     * Walks the sequences against the tokens of {@code documents} in order, checking every sequence's shape,
     * its ids, word starts, maskable flags and separators against the corpus.
     */
    private static Walk walk(TokenizedCorpus corpus, PackedSequences packed, int[] documents) {
        SpecialTokens sp = corpus.specialTokens();
        List<long[]> tokenRanges = new ArrayList<>();
        for (int d : documents) tokenRanges.add(new long[] {corpus.documentFirstToken(d), corpus.documentEndToken(d)});
        Walk walk = new Walk();
        int range = 0;
        long token = tokenRanges.get(0)[0];
        for (int i = 0; i < packed.size(); i++) {
            TrainingSequence s = packed.get(i, UNUSED);
            int n = s.length();
            assertEquals(packed.length(i), n);
            assertTrue(n <= MAX_LENGTH && n >= 3, "length " + n);
            assertEquals(sp.cls(), s.ids()[0]);
            assertEquals(sp.sep(), s.ids()[n - 1]);
            assertEquals(TrainingSequence.NO_PAIR_LABEL, s.pairLabel());
            assertArrayEquals(new int[n], s.typeIds());
            for (int j = 1; j < n - 1; j++) {
                if (!s.maskable()[j]) { // an inner [SEP]: the next token must start a new document
                    assertEquals(sp.sep(), s.ids()[j]);
                    assertTrue(s.wordStarts()[j]);
                    assertEquals(tokenRanges.get(range)[1], token, "sequence " + i + ": [SEP] only at a document end");
                    walk.crossings++;
                    continue;
                }
                if (token == tokenRanges.get(range)[1]) {
                    range++;
                    token = tokenRanges.get(range)[0];
                    assertFalse(j > 1 && s.maskable()[j - 1], "sequence " + i + ": documents meet without a [SEP] at " + j);
                }
                assertEquals(corpus.tokenId(token), s.ids()[j], "sequence " + i + " position " + j);
                assertEquals(corpus.wordStart(token) || !s.maskable()[j - 1], s.wordStarts()[j], "sequence " + i + " position " + j);
                token++;
                walk.position++;
            }
            assertFalse(s.maskable()[0] || s.maskable()[n - 1]);
        }
        assertEquals(tokenRanges.size() - 1, range, "the walk reached the last document");
        assertEquals(tokenRanges.get(range)[1], token);
        return walk;
    }

    private static List<String> render(PackedSequences packed, TokenizedCorpus corpus) {
        SpecialTokens sp = corpus.specialTokens();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < packed.size(); i++) {
            StringBuilder b = new StringBuilder();
            for (int id : packed.get(i, UNUSED).ids()) {
                if (id == sp.cls()) b.append("[CLS]");
                else if (id == sp.sep()) b.append("[SEP]");
                else b.append(character(corpus, id));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The test corpus's characters by their ids in bert-base-chinese's vocab.txt (tokenizer.json model.vocab). */
    private static String character(TokenizedCorpus corpus, int id) {
        String chars = "一二三四五六七八九十甲";
        int[] ids = {671, 753, 676, 1724, 758, 1063, 673, 1061, 736, 1282, 4508};
        for (int k = 0; k < ids.length; k++) if (ids[k] == id) return chars.substring(k, k + 1);
        return "<" + id + ">";
    }
}
