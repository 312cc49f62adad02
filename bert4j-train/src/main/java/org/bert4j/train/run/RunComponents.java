package org.bert4j.train.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bert4j.model.EncoderModel;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.loop.BatchAssembler;
import org.bert4j.train.loop.Collator;
import org.bert4j.train.loop.TrainingComponents;
import org.bert4j.train.masking.Masker;
import org.bert4j.train.masking.MaskingPolicy;
import org.bert4j.train.masking.MaskingStrategy;
import org.bert4j.train.objective.BatchCollator;
import org.bert4j.train.objective.CombinedObjective;
import org.bert4j.train.objective.MaskedLanguageModeling;
import org.bert4j.train.objective.Objective;
import org.bert4j.train.objective.ReplacedTokenDetection;
import org.bert4j.train.objective.SentencePairPrediction;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.Lamb;
import org.bert4j.train.optim.LearningRateSchedule;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.Schedule;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;
import org.bert4j.train.rtd.GeneratorDiscriminator;

/**
 * Builds what the loop drives from a run's config, model and data ({@link RunData}): masking, objective,
 * the trained parameters, optimiser and schedule. NSP/SOP heads (and BERT's pooler) are trained only when the
 * packing makes pairs; otherwise they are left out of the optimiser, which would decay them towards 0. An RTD run
 * trains the generator's parameters too, under {@code generator.}.
 */
final class RunComponents {

    private RunComponents() {}

    /** @param generator the RTD generator, or null for MLM (+ NSP/SOP) */
    static TrainingComponents build(PretrainingConfig config, LoadedModel loaded, RunData data, GeneratorDiscriminator generator) {
        EncoderModel model = loaded.model();
        Path tokenizer = loaded.tokenizer();
        SpecialTokens specials = data.specialTokens();
        if (specials.vocabSize() > model.spec().vocabSize()) {
            throw new IllegalArgumentException(tokenizer + ": the tokenizer's " + specials.vocabSize() + " ids do not fit the model's "
                    + "vocab_size " + model.spec().vocabSize());
        }
        boolean pairs = config.inputs().pairs();
        if (generator == null && model.mlm() == null) {
            throw new IllegalArgumentException(config.model() + ": the model has no MLM head to train");
        }
        if (generator != null && pairs) throw config.values().invalid("inputs.packing", "makes NSP/SOP pairs, which RTD does not train");
        if (pairs && model.sentencePair() == null) {
            throw config.values().invalid("inputs.packing", "makes NSP/SOP pairs, but a " + loaded.family().modelType()
                    + " model has no sentence-pair head");
        }
        long seed = config.train().seed();
        Masker masker = masker(config.masking(), specials);
        Collator collator = (manager, rows) -> BatchCollator.collate(manager, rows, specials.pad());
        List<TrainableParameter> parameters = new ArrayList<>(TrainableParameters.of(model,
                path -> pairs || !(path.startsWith("pooler.") || path.startsWith("sentence_pair."))));
        Objective objective = objective(config.objective(), pairs);
        if (generator != null) {
            parameters.addAll(generator.generatorParameters());
            PretrainingConfig.ObjectiveWeights w = config.objective();
            objective = new ReplacedTokenDetection(generator, w.mlm(), w.rtd(), config.generator().temperature());
        }
        return new TrainingComponents(model, new BatchAssembler(data.train(), masker, collator, seed), data.plans(),
                data.heldOut() == null ? null : new BatchAssembler(data.heldOut(), masker, collator, seed),
                objective, optimizer(config.optimizer(), parameters), parameters,
                schedule(config.schedule(), config.train().steps()));
    }

    static Masker masker(PretrainingConfig.Masking m, SpecialTokens s) {
        // A random replacement is never a special token: a stray [SEP] mid-text teaches nothing about language.
        Set<Integer> specials = Set.of(s.cls(), s.sep(), s.mask(), s.pad(), s.unk());
        MaskingPolicy policy = new MaskingPolicy(m.rate(), m.maskFraction(), m.randomFraction(), s.mask(), s.vocabSize(), specials);
        return MaskingStrategy.named(m.strategy()).masker(policy);
    }

    static Objective objective(PretrainingConfig.ObjectiveWeights w, boolean pairs) {
        if (!pairs && w.mlm() == 1) return new MaskedLanguageModeling();
        List<CombinedObjective.Weighted> terms = pairs
                ? List.of(new CombinedObjective.Weighted(new MaskedLanguageModeling(), w.mlm()),
                        new CombinedObjective.Weighted(new SentencePairPrediction(), w.pair()))
                : List.of(new CombinedObjective.Weighted(new MaskedLanguageModeling(), w.mlm()));
        return new CombinedObjective(terms);
    }

    static Optimizer optimizer(PretrainingConfig.OptimizerSettings o, List<TrainableParameter> parameters) {
        AdamSettings s = new AdamSettings(o.beta1(), o.beta2(), o.eps(), o.weightDecay(), o.biasCorrection());
        return o.name().equals("lamb") ? new Lamb(parameters, s) : new AdamW(parameters, s);
    }

    static LearningRateSchedule schedule(PretrainingConfig.Schedule s, long steps) {
        return switch (s.kind()) {
            case "constant" -> new Schedule.Constant(s.warmupSteps());
            case "linear" -> new Schedule.LinearDecay(s.warmupSteps(), steps);
            case "cosine" -> new Schedule.CosineDecay(s.warmupSteps(), steps, 0);
            case "piecewise" -> Schedule.PiecewiseLinear.of(s.points());
            default -> throw new IllegalStateException("schedule " + s.kind());
        };
    }
}
