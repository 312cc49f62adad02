package org.bert4j.train.loop;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.bert4j.model.EncoderModel;
import org.bert4j.testing.TinyModels;
import org.bert4j.train.data.SequenceSource;
import org.bert4j.train.data.TrainingSequence;
import org.bert4j.train.masking.MaskingPolicy;
import org.bert4j.train.masking.MaskingStrategy;
import org.bert4j.train.objective.BatchCollator;
import org.bert4j.train.objective.MaskedLanguageModeling;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.Lamb;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;

/**
 * The loop tests' setting: a tiny BERT (V 60, d 16, L 2, dropout on so its seeding is exercised), synthetic
 * sequences with a learnable pattern, and the real masker, collator, MLM objective and LAMB.
 */
final class LoopTestKit {

    static final int PAD = 0, CLS = 2, SEP = 3, MASK = 4;

    private LoopTestKit() {}

    static JsonObject config() {
        JsonObject c = TinyModels.config("bert");
        c.addProperty("hidden_dropout_prob", 0.1);
        c.addProperty("attention_probs_dropout_prob", 0.1);
        return c;
    }

    /** Sequences [CLS] a a+1 a+2 … [SEP] of 6–15 tokens, a in 6–9: each token follows from its neighbours. */
    static SequenceSource counting(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] ids = new int[6 + r.nextInt(10)];
            int start = 5 + r.nextInt(4);
            ids[0] = CLS;
            for (int t = 1; t < ids.length - 1; t++) ids[t] = start + t;
            ids[ids.length - 1] = SEP;
            sequences.add(ids);
        }
        return new SequenceSource() {
            @Override public int size() { return sequences.size(); }

            @Override
            public TrainingSequence get(int index, RandomGenerator random) {
                int[] ids = sequences.get(index);
                boolean[] maskable = new boolean[ids.length];
                boolean[] starts = new boolean[ids.length];
                Arrays.fill(starts, true);
                Arrays.fill(maskable, 1, ids.length - 1, true);
                return new TrainingSequence(ids.clone(), new int[ids.length], starts, maskable, TrainingSequence.NO_PAIR_LABEL);
            }

            @Override public int length(int index) { return sequences.get(index).length; }
        };
    }

    static BatchAssembler assembler(SequenceSource source, long seed) {
        MaskingPolicy policy = MaskingPolicy.bert(MASK, TinyModels.VOCAB, Set.of(PAD, 1, CLS, SEP, MASK));
        return new BatchAssembler(source, MaskingStrategy.named("token").masker(policy),
                (manager, rows) -> BatchCollator.collate(manager, rows, PAD), seed);
    }

    /** MLM only: the pooler and NSP head get no gradient, so they are not trained (nor decayed). */
    static List<TrainableParameter> parameters(EncoderModel model) {
        return TrainableParameters.of(model, path -> !path.startsWith("pooler.") && !path.startsWith("sentence_pair."));
    }

    static Optimizer lamb(List<TrainableParameter> parameters) {
        return new Lamb(parameters, new AdamSettings(0.9, 0.999, 1e-6, 0.01, false));
    }

    static TrainingComponents components(EncoderModel model, SequenceSource train, SequenceSource heldOut, long seed,
                                         int batchSize, Optimizer optimizer, List<TrainableParameter> parameters,
                                         long steps) {
        return new TrainingComponents(model, assembler(train, seed),
                epoch -> ResumeTest.shuffled(train.size(), batchSize, seed, epoch), assembler(heldOut, seed),
                new MaskedLanguageModeling(), optimizer, parameters, step -> 1.0 - (double) step / steps);
    }
}
