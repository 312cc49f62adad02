package org.bert4j.cli.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.SparseTableGradients;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.train.objective.CombinedObjective;
import org.bert4j.train.objective.MaskedLanguageModeling;
import org.bert4j.train.objective.Objective;
import org.bert4j.train.objective.TrainingBatch;
import org.bert4j.train.optim.AdamSettings;
import org.bert4j.train.optim.AdamW;
import org.bert4j.train.optim.GradientClipping;
import org.bert4j.train.optim.Optimizer;
import org.bert4j.train.optim.TrainableParameter;
import org.bert4j.train.optim.TrainableParameters;

/**
 * One bert4j pre-training step, as {@code bert4j pretrain}'s loop takes it: forward through the encoder and the
 * MLM head at the masked rows (plus NSP where the family has a sentence-pair head, as DJL's block always
 * computes), backward, global-norm clipping at 1, AdamW (which zeroes the gradients as it consumes them). A fresh
 * model of the family's base preset at the bench's sizes, dropout as the preset has it. Each step runs in its own
 * NDManager scope, so the step's graph and inputs are freed when it ends.
 */
public final class Bert4jTrainingPass implements TrainingPass {

    private static final float LEARNING_RATE = 1e-4f;

    private final String family;
    private final EncoderModel model;
    private final MaskedBatch batch;
    private final Objective objective;
    private final List<TrainableParameter> parameters;
    private final Optimizer optimizer;
    private final TrainingFlops flops;
    private final SparseTableGradients tokenTable;
    private float firstLoss = Float.NaN;
    private float lastLoss = Float.NaN;

    public Bert4jTrainingPass(String family, TrainingShape shape, boolean intermediateGiven, MaskedBatch batch) {
        this.family = family;
        LoadedModel loaded = ModelBuilder.create(new HfConfig(Path.of("bench --train --family " + family),
                shape.config(family, intermediateGiven)), DataType.FLOAT32, 42);
        this.model = loaded.model();
        this.batch = batch;
        boolean pairs = model.sentencePair() != null;
        this.objective = pairs ? CombinedObjective.maskedLanguageModelingWithSentencePair(1) : new MaskedLanguageModeling();
        this.parameters = TrainableParameters.of(model,
                path -> pairs || !(path.startsWith("pooler.") || path.startsWith("sentence_pair.")));
        this.optimizer = new AdamW(parameters, AdamSettings.bert());
        this.flops = TrainingFlops.of(model, shape);
        model.requireGradients();
        this.tokenTable = model.useSparseTokenGradients();
    }

    @Override
    public String engine() { return "bert4j " + family; }

    public TrainingFlops flops() { return flops; }

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
    public void close() { model.close(); }
}
