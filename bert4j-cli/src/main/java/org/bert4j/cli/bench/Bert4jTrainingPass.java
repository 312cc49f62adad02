package org.bert4j.cli.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.HeadSpec;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.SparseTableGradients;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.train.objective.CombinedObjective;
import org.bert4j.train.objective.MaskedLanguageModeling;
import org.bert4j.train.objective.Objective;
import org.bert4j.train.objective.ReplacedTokenDetection;
import org.bert4j.train.objective.TrainingBatch;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.GradientClipping;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;
import org.bert4j.train.rtd.GeneratorDiscriminator;
import org.bert4j.train.run.Presets;
import org.bert4j.train.run.PretrainingConfig;
import org.bert4j.train.run.RunValues;

/**
 * One bert4j pre-training step, as {@code bert4j pretrain}'s loop takes it: forward through the encoder and the
 * MLM head at the masked rows (plus NSP where the family has a sentence-pair head, as DJL's block always
 * computes), backward, global-norm clipping at 1, AdamW (which zeroes the gradients as it consumes them). A fresh
 * model of the family's base preset at the bench's sizes, dropout as the preset has it. Families whose preset
 * trains by replaced-token detection (ELECTRA, DeBERTaV3) take that step instead, with the preset's generator,
 * unless told to run MLM on the model alone. Each step runs in its own NDManager scope, so the step's graph and
 * inputs are freed when it ends.
 */
public final class Bert4jTrainingPass implements TrainingPass {

    private static final float LEARNING_RATE = 1e-4f;

    private final String engine;
    private final EncoderModel model;
    private final GeneratorDiscriminator generator;
    private final MaskedBatch batch;
    private final Objective objective;
    private final List<TrainableParameter> parameters;
    private final Optimizer optimizer;
    private final double flopsPerToken;
    private final SparseTableGradients tokenTable;
    private float firstLoss = Float.NaN;
    private float lastLoss = Float.NaN;

    /** @param mlmOnly MLM on the family's model even where its preset trains by replaced-token detection */
    public Bert4jTrainingPass(String family, TrainingShape shape, boolean intermediateGiven, MaskedBatch batch, boolean mlmOnly) {
        HfConfig config = new HfConfig(Path.of("bench --train --family " + family), shape.config(family, intermediateGiven));
        Family recipe = ModelBuilder.family(config);
        RunValues preset = RunValues.defaults().with(Presets.find(family + "-base").orElseThrow().defaults());
        PretrainingConfig.ObjectiveWeights weights = PretrainingConfig.ObjectiveWeights.from(preset);
        boolean rtdPreset = weights.replacedTokenDetection();
        boolean rtd = rtdPreset && !mlmOnly;
        HeadSpec heads = !rtdPreset ? recipe.defaultHeads(config) : rtd ? recipe.discriminatorHeads(config) : recipe.generatorHeads(config);
        this.model = ModelBuilder.create(config, heads, DataType.FLOAT32, 42).model();
        this.engine = "bert4j " + family + (rtdPreset ? (rtd ? " rtd" : " mlm") : "");
        this.batch = batch;
        boolean pairs = model.sentencePair() != null;
        this.parameters = new ArrayList<>(TrainableParameters.of(model,
                path -> pairs || !(path.startsWith("pooler.") || path.startsWith("sentence_pair."))));
        double flops = TrainingFlops.of(model, shape).perToken();
        if (rtd) {
            PretrainingConfig.Generator g = PretrainingConfig.Generator.from(preset);
            this.generator = GeneratorDiscriminator.create(recipe, model, g.shape(), g.sharing(), Path.of("bench generator"), 43);
            parameters.addAll(generator.generatorParameters());
            this.objective = new ReplacedTokenDetection(generator, weights.mlm(), weights.rtd(), g.temperature());
            flops += TrainingFlops.of(generator.generator(), shape).perToken();
        } else {
            this.generator = null;
            this.objective = pairs ? CombinedObjective.maskedLanguageModelingWithSentencePair(1) : new MaskedLanguageModeling();
        }
        this.flopsPerToken = flops;
        this.optimizer = new AdamW(parameters, AdamSettings.bert());
        model.requireGradients();
        this.tokenTable = model.useSparseTokenGradients();
    }

    @Override
    public String engine() { return engine; }

    /** Model FLOPs of one trained token (both models under RTD). */
    public double flopsPerToken() { return flopsPerToken; }

    @Override
    public float firstLoss() { return firstLoss; }

    @Override
    public float lastLoss() { return lastLoss; }

    @Override
    public void run() {
        TrainingShape s = batch.shape();
        Engine.getInstance().setRandomSeed(TrainingPass.DROPOUT_SEED);
        try (NDManager scope = model.manager().newSubManager()) {
            Shape bt = new Shape(s.batch(), s.length());
            TrainingBatch b = new TrainingBatch(scope.create(batch.ids(), bt), scope.zeros(bt, DataType.INT64), null,
                    scope.create(batch.flatPositions()), scope.create(batch.labels()),
                    scope.create(batch.pairLabels()), (int) s.tokens(), (int) s.tokens());
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                loss = objective.compute(model, b, true).loss();
                gc.backward(loss);
                tokenTable.addToTables();
            }
            GradientClipping.clipGlobalNorm(parameters, 1.0, scope);
            optimizer.step(LEARNING_RATE); // AdamW clears the gradients as it reads them
            lastLoss = loss.getFloat();
            if (Float.isNaN(firstLoss)) firstLoss = lastLoss;
        }
    }

    @Override
    public void close() {
        model.close();
        if (generator != null) generator.close(); // after the discriminator, which may read its tables
    }
}
