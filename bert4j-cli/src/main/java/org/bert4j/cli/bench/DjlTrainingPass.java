package org.bert4j.cli.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.transformer.BertBlock;
import ai.djl.nn.transformer.BertPretrainingBlock;
import ai.djl.nn.transformer.BertPretrainingLoss;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;

/**
 * The peer: DJL's own {@code BertPretrainingBlock} (BERT encoder, MLM at the masked positions, NSP) of the same
 * L, d, h, f, V, trained by DJL's own {@code Trainer} with its {@code BertPretrainingLoss} and Adam on the same
 * engine and batch, the way DJL's BERT pre-training example drives it. Its inputs are int32 as that example
 * builds them; DJL's MLM head normalises with BatchNorm where BERT has LayerNorm, which costs the same.
 */
public final class DjlTrainingPass implements TrainingPass {

    private final Model model;
    private final Trainer trainer;
    private final MaskedBatch batch;
    private final long parameters;
    private float firstLoss = Float.NaN;
    private float lastLoss = Float.NaN;

    public DjlTrainingPass(TrainingShape s, MaskedBatch batch) {
        this.batch = batch;
        BertBlock.Builder bert = BertBlock.builder().setTokenDictionarySize(s.vocab()).optTypeDictionarySize(2)
                .optEmbeddingSize(s.hidden()).optTransformerBlockCount(s.layers()).optAttentionHeadCount(s.heads())
                .optHiddenSize(s.intermediate()).optHiddenDropoutProbability(0.1f)
                .optMaxSequenceLength(s.length()); // DJL adds its whole position table: it must be exactly T long
        this.model = Model.newInstance("djl-bert-pretraining");
        model.setBlock(new BertPretrainingBlock(bert));
        DefaultTrainingConfig config = new DefaultTrainingConfig(new BertPretrainingLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(1e-4f)).build())
                .optInitializer(new TruncatedNormalInitializer(0.02f), Parameter.Type.WEIGHT);
        this.trainer = model.newTrainer(config);
        Shape bt = new Shape(s.batch(), s.length());
        trainer.initialize(bt, bt, bt, new Shape(s.batch(), s.maskedPerRow()));
        this.parameters = model.getBlock().getParameters().values().stream()
                .mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    @Override
    public String engine() { return "djl"; }

    /** All of the block's parameters, tables included. */
    public long parameterCount() { return parameters; }

    @Override
    public float firstLoss() { return firstLoss; }

    @Override
    public float lastLoss() { return lastLoss; }

    @Override
    public void run() {
        TrainingShape s = batch.shape();
        Engine.getInstance().setRandomSeed(TrainingPass.DROPOUT_SEED);
        try (NDManager scope = trainer.getManager().newSubManager()) {
            Shape bt = new Shape(s.batch(), s.length());
            Shape bm = new Shape(s.batch(), s.maskedPerRow());
            NDArray ones = scope.ones(bt, DataType.INT32);
            NDList inputs = new NDList(scope.create(toInt(batch.ids()), bt), scope.zeros(bt, DataType.INT32), ones,
                    scope.create(toInt(batch.positions()), bm));
            NDList labels = new NDList(scope.create(toInt(batch.pairLabels())), scope.create(toInt(batch.labels()), bm),
                    scope.ones(bm, DataType.FLOAT32));
            NDArray loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(inputs);
                loss = trainer.getLoss().evaluate(labels, predictions);
                gc.backward(loss);
            }
            trainer.step();
            lastLoss = loss.getFloat();
            if (Float.isNaN(firstLoss)) firstLoss = lastLoss;
        }
    }

    private static int[] toInt(long[] values) { return Arrays.stream(values).mapToInt(Math::toIntExact).toArray(); }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
