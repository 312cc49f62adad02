package org.bert4j.finetune.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.family.Family;
import org.bert4j.finetune.head.TaskHeadModule;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.junit.jupiter.api.Test;

/**
 * The multiple-choice head of each family is the layout of its HF {@code *ForMultipleChoice} class: one
 * {@code classifier} output per row after the pooler (BERT, ALBERT, and RoBERTa, whose class, unlike its sequence
 * head, uses the pooler and {@code hidden_dropout_prob}) or after the first token (RoFormerV2, GAU-α); RoFormer's
 * SequenceSummary head is refused by name.
 */
class MultipleChoiceHeadsTest {

    private static TaskHeadModule head(String variant, JsonObject extra, double dropout) {
        JsonObject json = TinyModels.config(variant);
        extra.entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        HfConfig config = TinyModels.hf(json);
        Family family = ModelBuilder.family(config);
        return new MultipleChoice().newHead(family, config, family.spec(config), dropout);
    }

    private static Map<String, String> shapes(TaskHeadModule head) {
        Map<String, String> out = new TreeMap<>();
        head.forEachParameter("", (path, p) -> out.put(path, p.shape().toString()));
        return out;
    }

    @Test
    void eachFamilyGetsItsHfLayout() {
        Map<String, String> classifier = Map.of("classifier.bias", "(1)", "classifier.weight", "(1, 16)");
        record Expected(String variant, String architecture, boolean pooler) {}
        for (Expected e : new Expected[] {new Expected("bert", "BertForMultipleChoice", true),
                new Expected("albert", "AlbertForMultipleChoice", true), new Expected("roberta", "RobertaForMultipleChoice", true),
                new Expected("roformer_v2", "RoFormerV2ForMultipleChoice", false), new Expected("gau_alpha", "GAUAlphaForMultipleChoice", false)}) {
            TaskHeadModule head = head(e.variant(), new JsonObject(), Double.NaN);
            assertEquals(e.architecture(), head.config().getAsJsonArray("architectures").get(0).getAsString(), e.variant());
            assertEquals(e.pooler(), head.usesPooler(), e.variant());
            assertEquals(classifier, shapes(head), e.variant());
        }
        // DebertaV2ForMultipleChoice keeps the context pooler of its sequence class.
        TaskHeadModule deberta = head("deberta_v3", new JsonObject(), Double.NaN);
        assertEquals("DebertaV2ForMultipleChoice", deberta.config().getAsJsonArray("architectures").get(0).getAsString());
        Map<String, String> pooled = new TreeMap<>(classifier);
        pooled.put("pooler.dense.weight", "(16, 16)");
        pooled.put("pooler.dense.bias", "(16)");
        assertEquals(pooled, shapes(deberta));
    }

    @Test
    void dropoutKeysAreThoseTheHfClassesRead() {
        JsonObject bert = head("bert", new JsonObject(), 0.3).config();
        assertEquals(0.3, bert.get("classifier_dropout").getAsDouble());
        JsonObject albert = head("albert", new JsonObject(), 0.2).config();
        assertEquals(0.2, albert.get("classifier_dropout_prob").getAsDouble());
        // RobertaForMultipleChoice reads hidden_dropout_prob: the head follows it, and a different rate is refused.
        JsonObject hidden = new JsonObject();
        hidden.addProperty("hidden_dropout_prob", 0.15);
        hidden.addProperty("classifier_dropout", 0.4); // read by RobertaForSequenceClassification only
        assertTrue(head("roberta", hidden, Double.NaN).describe().contains("dropout 0.15"));
        assertFalse(head("roberta", hidden, Double.NaN).config().has("classifier_dropout"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> head("roberta", hidden, 0.3));
        assertTrue(e.getMessage().startsWith("RobertaForMultipleChoice uses hidden_dropout_prob"), e.getMessage());
    }

    @Test
    void roformerAndElectraAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> head("roformer", new JsonObject(), Double.NaN));
        assertTrue(e.getMessage().startsWith("RoFormerForMultipleChoice summarises each option with HF's SequenceSummary"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> head("electra", new JsonObject(), Double.NaN));
        assertTrue(e.getMessage().startsWith("ElectraForMultipleChoice summarises each option with HF's SequenceSummary"), e.getMessage());
    }
}
