package org.bert4j.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.HeadSpec;
import org.bert4j.model.EncoderModel;
import org.bert4j.tokenization.TextTokenizer;
import org.bert4j.tokenization.WordPieceTokenizerJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fill-mask mechanics on a tiny random BERT: positions, probabilities equal to a full forward pass, errors. */
class FillMaskTest {

    private static final List<String> WORDS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "dog",
            "sat", "on", "mat", "a", "is", "was", "big", "small", "red", "blue", "and", "of", ".", ",", "##s", "run", "##ning");

    @TempDir
    static Path dir;
    private static Path tokenizerJson;
    private static HfConfig config;
    private static LoadedModel model;
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void setUp() throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, WORDS, StandardCharsets.UTF_8);
        tokenizerJson = dir.resolve("tokenizer.json");
        WordPieceTokenizerJson.fromVocab(vocab, true, tokenizerJson);
        JsonObject c = new JsonObject();
        c.addProperty("model_type", "bert");
        c.addProperty("vocab_size", WORDS.size());
        c.addProperty("hidden_size", 32);
        c.addProperty("num_hidden_layers", 2);
        c.addProperty("num_attention_heads", 4);
        c.addProperty("intermediate_size", 64);
        c.addProperty("max_position_embeddings", 64);
        config = new HfConfig(dir.resolve("config.json"), c);
        LoadedModel fresh = ModelBuilder.create(config, DataType.FLOAT32, 7);
        model = new LoadedModel(fresh.model(), fresh.family(), fresh.report(), tokenizerJson);
        tokenizer = TextTokenizer.load(tokenizerJson, 64);
    }

    @AfterAll
    static void tearDown() {
        tokenizer.close();
        model.close();
    }

    @Test
    void oneEntryPerMaskWithProbabilitiesOfTheFullForwardPass() {
        String text = "The cat [MASK] on the [MASK] .";
        List<FillMask.Mask> masks = FillMask.predict(model, tokenizer, text, 5);
        assertEquals(List.of(3, 6), masks.stream().map(FillMask.Mask::position).toList());

        Encoding enc = tokenizer.encode(text);
        float[][] full = fullLogits(enc); // every position through the MLM head
        for (FillMask.Mask m : masks) {
            assertEquals(tokenizer.tokenId("[MASK]"), enc.getIds()[m.position()]);
            double[] probs = softmax(full[m.position()]);
            assertEquals(5, m.predictions().size());
            for (int k = 0; k < 5; k++) {
                FillMask.Prediction p = m.predictions().get(k);
                assertEquals(probs[(int) p.id()], p.probability(), 1e-6, "probability of " + p.token());
                assertEquals(WORDS.get((int) p.id()), p.token());
                if (k > 0) assertTrue(p.probability() <= m.predictions().get(k - 1).probability(), "sorted best first");
            }
            double best = 0;
            for (double q : probs) best = Math.max(best, q);
            assertEquals(best, m.top().probability(), 1e-6, "the top prediction is the arg max");
        }
    }

    @Test
    void allCandidatesSumToOne() {
        List<FillMask.Mask> masks = FillMask.predict(model, tokenizer, "a [MASK] dog", WORDS.size());
        assertEquals(1, masks.size());
        double sum = masks.get(0).predictions().stream().mapToDouble(FillMask.Prediction::probability).sum();
        assertEquals(1.0, sum, 1e-6);
        assertEquals(WORDS.size(), masks.get(0).predictions().stream().map(FillMask.Prediction::id).distinct().count());
    }

    @Test
    void textWithoutMaskIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FillMask.predict(model, tokenizer, "the cat sat on the mat .", 3));
        assertTrue(e.getMessage().contains("[MASK]") && e.getMessage().contains("the cat sat on the mat ."), e.getMessage());
        // lower-case "[mask]" is not the special token
        assertThrows(IllegalArgumentException.class, () -> FillMask.predict(model, tokenizer, "the [mask] sat", 3));
    }

    @Test
    void masksCutByTruncationAreReported() {
        try (TextTokenizer shortTok = TextTokenizer.load(tokenizerJson, 6)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FillMask.predict(model, shortTok, "the [MASK] sat on the big red [MASK] .", 3));
            assertTrue(e.getMessage().contains("maximum length"), e.getMessage());
        }
    }

    @Test
    void badTopKIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FillMask.predict(model, tokenizer, "a [MASK]", 0));
        assertThrows(IllegalArgumentException.class, () -> FillMask.predict(model, tokenizer, "a [MASK]", WORDS.size() + 1));
    }

    @Test
    void modelWithoutMlmHeadIsRejectedNamingItsDirectory() {
        Path embeddingModel = dir.resolve("no-mlm-model");
        try (EncoderModel m = EncoderModel.create(model.family().spec(config),
                new HeadSpec(new HeadSpec.MlmHead.None(), true, false), DataType.FLOAT32).initialize(3)) {
            HfDirectory.save(m, model.family(), embeddingModel, tokenizerJson);
        }
        try (LoadedModel loaded = HfDirectory.load(embeddingModel)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FillMask.predict(loaded, tokenizer, "a [MASK] dog", 3));
            assertTrue(e.getMessage().contains(embeddingModel.toAbsolutePath().toString()) && e.getMessage().contains("MLM"),
                    e.getMessage());
        }
    }

    private static float[][] fullLogits(Encoding enc) {
        try (NDManager scope = NDManager.newBaseManager()) {
            NDArray ids = scope.create(new long[][] {enc.getIds()});
            NDArray types = scope.create(new long[][] {enc.getTypeIds()});
            NDArray mask = scope.create(new long[][] {enc.getAttentionMask()});
            NDArray hidden = model.model().encode(ids, types, mask, false).last().get(0); // (T, d)
            NDArray logits = model.model().mlm().logits(hidden); // (T, V)
            int t = (int) logits.getShape().get(0);
            float[] flat = logits.toFloatArray();
            float[][] out = new float[t][];
            for (int i = 0; i < t; i++) out[i] = java.util.Arrays.copyOfRange(flat, i * WORDS.size(), (i + 1) * WORDS.size());
            return out;
        }
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i] - max);
        for (int i = 0; i < logits.length; i++) out[i] /= sum;
        return out;
    }
}
