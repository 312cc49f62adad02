package org.bert4j.finetune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.TagSet;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.TagPrediction;
import org.bert4j.finetune.task.TokenClassification;
import org.bert4j.finetune.task.TokenTarget;
import org.bert4j.finetune.train.Evaluator;
import org.bert4j.finetune.train.FeatureSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A token classifier saved and loaded back predicts the same tags, and is on disk what HF's
 * {@code *ForTokenClassification} reads: the backbone under the family prefix without a pooler, {@code classifier.*},
 * config.json with {@code architectures}, {@code num_labels}, {@code id2label}, {@code label2id}; the CRF variant adds
 * {@code crf.transitions}, {@code crf.start_transitions}, {@code crf.end_transitions} and {@code "crf": true}.
 */
class TokenClassifierRoundTripTest {

    @TempDir
    Path tmp;

    private static final List<TaggedSequence> SENTENCES = List.of(
            new TaggedSequence(List.of("w01", "w02", "w03"), List.of("B-PER", "I-PER", "O")),
            new TaggedSequence(List.of("w10", "w11"), List.of("O", "B-LOC")),
            new TaggedSequence(List.of("w20", "w21", "w22", "w23"), List.of("B-LOC", "O", "B-PER", "O")));

    @ParameterizedTest(name = "{0} crf={1}")
    @CsvSource({"bert, false, bert., BertForTokenClassification", "bert, true, bert., BertForTokenClassification",
            "roberta, false, roberta., RobertaForTokenClassification", "albert, true, albert., AlbertForTokenClassification",
            "roformer, false, roformer., RoFormerForTokenClassification",
            "roformer_v2, true, roformer., RoFormerV2ForTokenClassification"})
    void savedTaggerReloadsWithSamePredictionsUnderHfNames(String variant, boolean crf, String prefix, String architecture)
            throws IOException {
        Path saved = tmp.resolve("saved");
        TokenClassification task = new TokenClassification(TagSet.fromTraining(SENTENCES), crf);
        List<TagPrediction> before;
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), variant, 1), task, Double.NaN, 32, 5,
                TinyTaskModels.QUIET)) {
            if (crf) randomiseTransitions(model);
            before = predict(model, task);
            model.save(saved, d -> { });
        }
        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            TokenClassification loaded = assertInstanceOf(TokenClassification.class, back.task());
            assertEquals(task.config(), loaded.config());
            assertEquals(before, predict(back.model(), loaded), "predictions after save → load");
        }
        Set<String> names = TaskModelRoundTripTest.names(saved);
        Set<String> head = names.stream().filter(n -> !n.startsWith(prefix)).collect(Collectors.toSet());
        Set<String> expected = crf
                ? Set.of("classifier.weight", "classifier.bias", "crf.transitions", "crf.start_transitions", "crf.end_transitions")
                : Set.of("classifier.weight", "classifier.bias");
        assertEquals(expected, head);
        assertFalse(names.stream().anyMatch(n -> n.contains("pooler")), "HF token classes have no pooler: " + names);
        JsonObject config = JsonParser.parseString(Files.readString(saved.resolve("config.json"))).getAsJsonObject();
        assertEquals(architecture, config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals(4, config.get("num_labels").getAsInt());
        assertEquals("O", config.getAsJsonObject("id2label").get("0").getAsString());
        assertEquals(0, config.getAsJsonObject("label2id").get("O").getAsInt());
        assertEquals(crf, config.get("crf").getAsBoolean());
        assertTrue(config.has("bert4j_task"));
    }

    /** CRF transitions start at zero; non-zero ones make the round trip prove they are saved and used. */
    private static void randomiseTransitions(TaskModel model) {
        var crf = ((org.bert4j.finetune.head.TokenClassifierHead) model.head()).crf();
        crf.forEachParameter("", (path, p) -> {
            float[] v = new float[Math.toIntExact(p.shape().size())];
            for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(7.3 * i + path.length());
            p.value().set(v);
        });
    }

    private static List<TagPrediction> predict(TaskModel model, TokenClassification task) {
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), 32, model.encoder().spec())) {
            FeatureSet<TaggedSequence, TokenTarget> features = FeatureSet.of(task, SENTENCES, encoder);
            return Evaluator.run(model, task, features, 2, false).predictions();
        }
    }
}
