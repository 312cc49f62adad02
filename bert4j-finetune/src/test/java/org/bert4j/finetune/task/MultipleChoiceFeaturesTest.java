package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.finetune.data.C3Reader;
import org.bert4j.finetune.data.MultipleChoiceExample;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.SharedData;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multiple-choice features with bge-small-zh's real tokenizer.json (bert-base-chinese WordPiece): one feature of k
 * rows per question, each row {@code [CLS] passage [SEP] question option [SEP]} within the maximum length, a long
 * passage cut at its end while the question and option come through whole.
 */
class MultipleChoiceFeaturesTest {

    private static final int MAX = 64;

    @TempDir
    Path tmp;

    private InputEncoder encoder;
    private long sep;

    @BeforeEach
    void bgeTokenizer() throws IOException {
        Path tokenizer = tmp.resolve("tokenizer.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bge-small-zh-v1.5-tokenizer.json")) {
            if (in == null) throw new IllegalStateException("bge-small-zh-v1.5-tokenizer.json is not on the test classpath");
            Files.copy(in, tokenizer);
        }
        JsonObject config = TinyModels.config("bert");
        config.addProperty("vocab_size", 21128);
        config.addProperty("max_position_embeddings", 512);
        HfConfig hf = TinyModels.hf(config);
        encoder = new InputEncoder(tokenizer, MAX, ModelBuilder.family(hf).spec(hf));
        sep = encoder.tokenizer().tokenId("[SEP]");
    }

    @AfterEach
    void close() {
        encoder.close();
    }

    /** The tokens of {@code text} alone, without [CLS] and [SEP]. */
    private long[] pieces(String text) {
        long[] ids = encoder.tokenizer().encode(text).getIds();
        return Arrays.copyOfRange(ids, 1, ids.length - 1);
    }

    @Test
    void longPassageIsCutAndEveryOptionSurvives() {
        List<MultipleChoiceExample> dev = new C3Reader().readAll(SharedData.data("zh/choice/c3/c3-m-dev.json")).examples();
        MultipleChoiceExample q = dev.stream().filter(e -> MultipleChoice.passage(e).length() > 4 * MAX).findFirst().orElseThrow();
        List<Feature<Integer>> features = new MultipleChoice().features(q, 7, encoder);
        assertEquals(1, features.size());
        Feature<Integer> f = features.get(0);
        assertEquals(7, f.example());
        assertEquals(q.answerIndex(), f.target());
        assertEquals(q.choices().size(), f.rows().size());
        long[] passage = pieces(MultipleChoice.passage(q));
        for (int i = 0; i < q.choices().size(); i++) {
            EncodedText row = f.rows().get(i);
            long[] second = pieces(q.question() + " " + q.choices().get(i));
            assertEquals(MAX, row.length(), "a long passage fills the row");
            // [CLS] passage[0 .. kept) [SEP] second [SEP]: the passage loses its tail, the second text nothing.
            int kept = MAX - 3 - second.length;
            assertTrue(kept > 0 && kept < passage.length, "kept " + kept + " of " + passage.length);
            assertArrayEquals(Arrays.copyOfRange(passage, 0, kept), Arrays.copyOfRange(row.ids(), 1, 1 + kept), "passage prefix");
            assertEquals(sep, row.ids()[1 + kept]);
            assertArrayEquals(second, Arrays.copyOfRange(row.ids(), 2 + kept, MAX - 1), "question and option " + i + " whole");
            assertEquals(sep, row.ids()[MAX - 1]);
            for (int t = 0; t < MAX; t++) assertEquals(t < 2 + kept ? 0 : 1, row.typeIds()[t], "segment of token " + t);
        }
    }

    @Test
    void shortPassageIsEncodedAsAnyPair() {
        MultipleChoiceExample q = new MultipleChoiceExample("d#0", List.of("男：你去哪儿？", "女：我去图书馆。"), "女的去哪儿？",
                List.of("图书馆", "商店", "学校"), MultipleChoiceExample.NO_ANSWER);
        Feature<Integer> f = new MultipleChoice().features(q, 0, encoder).get(0);
        assertNull(f.target(), "a question without an answer is still a feature, to predict");
        for (int i = 0; i < 3; i++) {
            EncodedText untouched = encoder.encode(SequenceInput.of("男：你去哪儿？\n女：我去图书馆。", "女的去哪儿？ " + q.choices().get(i)));
            assertArrayEquals(untouched.ids(), f.rows().get(i).ids());
            assertArrayEquals(untouched.typeIds(), f.rows().get(i).typeIds());
        }
    }

    @Test
    void anOptionLongerThanTheRowStillGivesARow() {
        // Only_first cannot make room here; the row is cut longest first instead, still within the maximum.
        String huge = "很".repeat(2 * MAX);
        MultipleChoiceExample q = new MultipleChoiceExample("d#1", List.of("短文。"), "问题？", List.of("对", huge), 0);
        Feature<Integer> f = new MultipleChoice().features(q, 0, encoder).get(0);
        assertEquals(2, f.rows().size());
        assertTrue(f.rows().get(0).length() < MAX);
        assertEquals(MAX, f.rows().get(1).length());
    }
}
