package org.bert4j.finetune.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.safetensors.SafetensorsCheckpoint;
import org.bert4j.config.HeadSpec;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.LabelSet;
import org.bert4j.finetune.task.Feature;
import org.bert4j.finetune.task.InputEncoder;
import org.bert4j.finetune.task.MultiLabelClassification;
import org.bert4j.finetune.task.Regression;
import org.bert4j.finetune.task.SequenceInput;
import org.bert4j.finetune.task.SequenceTask;
import org.bert4j.finetune.task.SingleLabelClassification;
import org.bert4j.finetune.train.EncoderBatch;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fine-tuned model saved and loaded back gives the same logits bit for bit, and what is on disk is what the
 * family's HF {@code *ForSequenceClassification} class reads: the backbone under the family prefix, the head
 * under HF's names, and config.json with {@code architectures}, {@code num_labels}, {@code id2label},
 * {@code label2id}, {@code problem_type} and the head's dropout key.
 */
class TaskModelRoundTripTest {

    @TempDir
    Path tmp;

    private static final SingleLabelClassification THREE_CLASSES =
            new SingleLabelClassification(LabelSet.inOrder(List.of("neg", "pos", "neutral")), false);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bert, bert., BertForSequenceClassification, classifier_dropout, 'classifier.weight classifier.bias', bert.pooler.dense.weight",
            "roberta, roberta., RobertaForSequenceClassification, classifier_dropout, "
                    + "'classifier.dense.weight classifier.dense.bias classifier.out_proj.weight classifier.out_proj.bias', ''",
            "albert, albert., AlbertForSequenceClassification, classifier_dropout_prob, 'classifier.weight classifier.bias', albert.pooler.weight",
            "roformer, roformer., RoFormerForSequenceClassification, '', "
                    + "'classifier.dense.weight classifier.dense.bias classifier.out_proj.weight classifier.out_proj.bias', ''",
            "roformer_v2, roformer., RoFormerV2ForSequenceClassification, classifier_dropout, 'classifier.weight classifier.bias', ''",
            "gau_alpha, gau_alpha., GAUAlphaForSequenceClassification, classifier_dropout, 'classifier.weight classifier.bias', ''",
            "electra, electra., ElectraForSequenceClassification, classifier_dropout, "
                    + "'classifier.dense.weight classifier.dense.bias classifier.out_proj.weight classifier.out_proj.bias', ''",
            // DeBERTa's ContextPooler belongs to the head: pooler.dense at the root, not deberta.pooler.
            "deberta_v3, deberta., DebertaV2ForSequenceClassification, cls_dropout, "
                    + "'pooler.dense.weight pooler.dense.bias classifier.weight classifier.bias', pooler.dense.weight",
            // A DeBERTaV3 RTD discriminator: its replaced-token head is left behind.
            "deberta_v3_rtd, deberta., DebertaV2ForSequenceClassification, cls_dropout, "
                    + "'pooler.dense.weight pooler.dense.bias classifier.weight classifier.bias', pooler.dense.weight"})
    void savedModelReloadsBitExactUnderHfNames(String variant, String prefix, String architecture, String dropoutKey,
                                               String headKeys, String poolerKey) throws IOException {
        Path base = TinyTaskModels.pretrained(tmp.resolve("base"), variant, 1);
        Path saved = tmp.resolve("saved");
        List<SequenceInput> inputs = inputs(5);
        float[] before;
        try (TaskModel model = TaskModels.startFrom(base, THREE_CLASSES, Double.NaN, 32, 5, TinyTaskModels.QUIET)) {
            before = logits(model, THREE_CLASSES, inputs);
            model.save(saved, d -> { });
        }
        try (TaskModels.Loaded back = TaskModels.load(saved)) {
            assertArrayEquals(before, logits(back.model(), (SequenceTask<?, ?, ?>) back.task(), inputs), "logits after save → load");
            assertEquals(THREE_CLASSES.config(), back.task().config());
        }

        Set<String> names = names(saved);
        Set<String> head = new TreeSet<>(List.of(headKeys.split(" ")));
        assertTrue(names.containsAll(head), names.toString());
        for (String n : names) assertTrue(n.startsWith(prefix) || head.contains(n), "unexpected key " + n);
        if (!poolerKey.isEmpty()) assertTrue(names.contains(poolerKey), names.toString());
        else assertTrue(names.stream().noneMatch(n -> n.contains("pooler")), "no pooler in " + architecture);

        JsonObject config = JsonParser.parseString(Files.readString(saved.resolve("config.json"))).getAsJsonObject();
        assertEquals(architecture, config.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals(TinyModels.config(variant).get("model_type").getAsString(), config.get("model_type").getAsString());
        assertEquals(3, config.get("num_labels").getAsInt());
        assertEquals("pos", config.getAsJsonObject("id2label").get("1").getAsString());
        assertEquals(2, config.getAsJsonObject("label2id").get("neutral").getAsInt());
        assertEquals("single_label_classification", config.get("problem_type").getAsString());
        if (!dropoutKey.isEmpty()) assertTrue(config.has(dropoutKey), config.toString());
    }

    @Test
    void aCheckpointWithoutPoolerGetsAFreshOneThatIsSaved() {
        Path base = tmp.resolve("no-pooler");
        TinyTaskModels.pretrained(tmp.resolve("tokenizer-source"), "bert", 1); // writes the tokenizer files
        try (LoadedModel full = ModelBuilder.create(TinyModels.hf("bert"), DataType.FLOAT32, 1);
             EncoderModel bare = EncoderModel.create(full.model().spec(), HeadSpec.none(), DataType.FLOAT32).initialize(1)) {
            HfDirectory.save(bare, full.family(), base, tmp.resolve("tokenizer-source-tokenizer.json")); // like bge-small-zh
        }
        assertTrue(names(base).stream().noneMatch(n -> n.contains("pooler")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TaskModel model = TaskModels.startFrom(base, THREE_CLASSES, Double.NaN, 32, 5, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertTrue(model.encoder().pooler() != null);
            model.save(tmp.resolve("saved"), d -> { });
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("freshly initialised") && log.toString(StandardCharsets.UTF_8).contains("pooler"));
        assertTrue(names(tmp.resolve("saved")).contains("bert.pooler.dense.weight"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"regression, 1, LABEL_0", "multi_label_classification, 3, b"})
    void otherSequenceTasksDeclareTheirProblemType(String problemType, int outputs, String label1or0) throws IOException {
        SequenceTask<?, ?, ?> task = problemType.equals("regression") ? new Regression(true)
                : new MultiLabelClassification(LabelSet.inOrder(List.of("a", "b", "c")), false);
        Path base = TinyTaskModels.pretrained(tmp.resolve("base"), "bert", 1);
        try (TaskModel model = TaskModels.startFrom(base, task, Double.NaN, 32, 5, TinyTaskModels.QUIET)) {
            model.save(tmp.resolve("saved"), d -> { });
        }
        JsonObject config = JsonParser.parseString(Files.readString(tmp.resolve("saved/config.json"))).getAsJsonObject();
        assertEquals(problemType, config.get("problem_type").getAsString());
        assertEquals(outputs, config.get("num_labels").getAsInt());
        assertEquals(label1or0, config.getAsJsonObject("id2label").get(outputs == 1 ? "0" : "1").getAsString());
        try (TaskModels.Loaded back = TaskModels.load(tmp.resolve("saved"))) {
            assertEquals(task.kind(), back.task().kind());
            assertEquals(task.config(), back.task().config());
        }
    }

    static List<SequenceInput> inputs(int n) {
        Random random = new Random(9);
        List<SequenceInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(SequenceInput.of(TinyTaskModels.text(random)));
        return out;
    }

    static <G, T, P> float[] logits(TaskModel model, SequenceTask<G, T, P> task, List<SequenceInput> inputs) {
        try (InputEncoder encoder = new InputEncoder(model.tokenizer(), 32, model.encoder().spec());
             NDManager scope = model.encoder().manager().newSubManager()) {
            List<Feature<?>> features = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) features.add(Feature.single(i, encoder.encode(inputs.get(i)), null));
            EncoderBatch b = EncoderBatch.of(scope, features, model.encoder().spec().padTokenId());
            return model.forward(b.inputIds(), b.tokenTypeIds(), b.attentionMask(), false).toFloatArray();
        }
    }

    static Set<String> names(Path dir) {
        try (TensorSource s = SafetensorsCheckpoint.open(dir)) {
            return new TreeSet<>(s.names());
        }
    }
}
