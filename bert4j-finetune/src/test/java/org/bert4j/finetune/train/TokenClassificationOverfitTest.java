package org.bert4j.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bert4j.finetune.TinyTaskModels;
import org.bert4j.finetune.data.TagSet;
import org.bert4j.finetune.data.TaggedSequence;
import org.bert4j.finetune.model.TaskModel;
import org.bert4j.finetune.model.TaskModels;
import org.bert4j.finetune.task.TagPrediction;
import org.bert4j.finetune.task.TokenClassification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The softmax and the CRF tagger, through the real loop, memorise 8 tagged sentences of a tiny BERT: entity F1 and
 * token accuracy reach 1. The tags follow the words (w0x begins a PER, w1x continues one, w2x is a LOC), so the
 * task is learnable, and an untrained model is far from it (about one word in four tagged right).
 */
class TokenClassificationOverfitTest {

    @TempDir
    Path tmp;

    static List<TaggedSequence> sentences(long seed) {
        Random random = new Random(seed);
        List<TaggedSequence> out = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            List<String> words = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            int n = 3 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                int w = random.nextInt(40);
                words.add(String.format("w%02d", w));
                tags.add(switch (w / 10) {
                    case 0 -> "B-PER";
                    case 1 -> "I-PER";
                    case 2 -> "B-LOC";
                    default -> "O";
                });
            }
            out.add(new TaggedSequence(words, tags));
        }
        return out;
    }

    @ParameterizedTest(name = "crf={0}")
    @ValueSource(booleans = {false, true})
    void taggerMemorisesSentences(boolean crf) {
        List<TaggedSequence> examples = sentences(7);
        TokenClassification task = new TokenClassification(TagSet.fromTraining(examples), crf);
        try (TaskModel model = TaskModels.startFrom(TinyTaskModels.pretrained(tmp.resolve("base"), "bert", 1), task, 0.0, 32, 5,
                TinyTaskModels.QUIET)) {
            LoopKit.train(model, task, examples, LoopKit.settings(60, 4, 1e-2, "f1", 0), tmp.resolve("m.jsonl"), LoopKit.NO_HOOKS);
            Evaluator.Result<TagPrediction> r = LoopKit.evaluate(model, task, examples);
            assertEquals(1.0, r.metrics().get("f1"), r.metrics().render());
            assertEquals(1.0, r.metrics().get("token_accuracy"), r.metrics().render());
            assertTrue(r.loss() < 0.2, "loss " + r.loss());
            for (int i = 0; i < examples.size(); i++) assertEquals(examples.get(i).tags(), r.predictions().get(i).tags(), "sentence " + i);
        }
    }
}
