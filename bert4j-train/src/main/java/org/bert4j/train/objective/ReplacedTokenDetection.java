package org.bert4j.train.objective;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Scalars;
import org.bert4j.train.rtd.GeneratorDiscriminator;

/**
 * Replaced-token detection (ELECTRA, Clark et al. 2020; DeBERTaV3, He et al. 2023; MODELS.md): the generator
 * predicts the masked tokens (MLM), a token is sampled from its softmax at each masked position, and the
 * discriminator (the model passed in) tells for every real token whether it was replaced. A sample equal to the
 * original counts as original. Loss = w·L_MLM + λ·L_RTD (w = 1 in both papers), L_RTD the sigmoid cross-entropy
 * averaged over the step's real tokens.
 *
 * <p>The samples are integers, so no gradient flows from L_RTD into the generator through them; what the two losses
 * share beyond that is decided by the embedding sharing ({@link GeneratorDiscriminator}). Sampling is Gumbel-max on
 * the engine's generator, which the loop seeds per micro-batch; held-out passes seed it with a constant, so their
 * samples repeat from one evaluation to the next.
 *
 * <p>Sums: the generator's {@code mlm_*} and the discriminator's {@code rtd_loss_sum}, {@code rtd_correct},
 * {@code rtd_count} (real tokens) and {@code rtd_replaced}.
 */
public final class ReplacedTokenDetection implements StepObjective {

    static final long HELD_OUT_SEED = 0x5EEDL;

    private final GeneratorDiscriminator models;
    private final double mlmWeight;
    private final double rtdWeight;
    private final double temperature;

    public ReplacedTokenDetection(GeneratorDiscriminator models, double mlmWeight, double rtdWeight, double temperature) {
        if (!(mlmWeight >= 0 && Double.isFinite(mlmWeight))) throw new IllegalArgumentException("mlm weight must be finite and >= 0, got " + mlmWeight);
        if (!(rtdWeight >= 0 && Double.isFinite(rtdWeight))) throw new IllegalArgumentException("rtd weight must be finite and >= 0, got " + rtdWeight);
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        this.models = models;
        this.mlmWeight = mlmWeight;
        this.rtdWeight = rtdWeight;
        this.temperature = temperature;
    }

    @Override
    public ObjectiveOutput compute(EncoderModel discriminator, TrainingBatch batch, boolean training, LossDenominators step) {
        if (discriminator.replacedTokenDetection() == null) {
            throw new IllegalArgumentException("the model has no replaced-token-detection head (heads: " + discriminator.heads() + ")");
        }
        if (!training) Engine.getInstance().setRandomSeed((int) HELD_OUT_SEED);
        MaskedLanguageModeling.WithLogits mlm = new MaskedLanguageModeling().readWithLogits(models.generator(),
                LossTerm.encode(models.generator(), batch, training), batch, step);
        ObjectiveOutput generated = mlm.output();
        Corruption c = Corruption.of(batch, sample(mlm.logits().stopGradient()));
        NDArray logits = discriminator.replacedTokenDetection().logits(
                discriminator.encode(c.inputIds(), batch.typeIds(), batch.attentionMask(), training).last()); // (B, T)
        NDArray labels = c.replaced().toType(logits.getDataType(), false); // (B, T) 1 = replaced
        NDArray real = batch.attentionMask() == null ? logits.onesLike() : batch.attentionMask().toType(logits.getDataType(), false);
        NDArray lossSum = sigmoidCrossEntropy(logits, labels).mul(real).sum();
        NDArray rtdLoss = lossSum.div(Scalars.like(lossSum, Math.max(1, step.realTokens())));
        NDArray mlmLoss = generated.loss();
        NDArray loss = mlmLoss.mul(Scalars.like(mlmLoss, mlmWeight)).add(rtdLoss.mul(Scalars.like(rtdLoss, rtdWeight)));

        Map<String, NDArray> sums = new LinkedHashMap<>(generated.sums());
        NDManager manager = batch.inputIds().getManager();
        sums.put("rtd_loss_sum", lossSum.stopGradient());
        NDArray predicted = logits.stopGradient().gt(0).toType(logits.getDataType(), false);
        sums.put("rtd_correct", predicted.eq(labels).toType(logits.getDataType(), false).mul(real).sum());
        sums.put("rtd_count", manager.create((long) batch.realTokens()));
        sums.put("rtd_replaced", manager.create((long) c.replacedCount()));
        return new ObjectiveOutput(loss, sums);
    }

    /** One token per row of (M, V) logits from softmax(logits / temperature): argmax(logits / τ + Gumbel noise). */
    private NDArray sample(NDArray logits) {
        NDArray scaled = temperature == 1 ? logits : logits.div(temperature);
        // u in (0, 1): the lower bound keeps −log(−log u) finite in float32.
        NDArray u = logits.getManager().randomUniform(1e-10f, 1f, logits.getShape(), logits.getDataType());
        NDArray gumbel = u.log().neg().log().neg();
        return scaled.add(gumbel).argMax(1); // (M) int64
    }

    /** max(z, 0) − y·z + log(1 + e^(−|z|)): the sigmoid cross-entropy without overflow for large |z|. */
    private static NDArray sigmoidCrossEntropy(NDArray z, NDArray y) {
        NDArray softplusTail = z.abs().neg().exp().add(Scalars.like(z, 1)).log();
        return ai.djl.nn.Activation.relu(z).sub(y.mul(z)).add(softplusTail); // (B, T)
    }

    /**
     * The discriminator's input: the batch's ids with every masked position replaced by its sample, and which
     * positions now differ from the original text. Built on the host: M and B·T are small next to a forward pass.
     */
    private record Corruption(NDArray inputIds, NDArray replaced, int replacedCount) {

        static Corruption of(TrainingBatch batch, NDArray samples) {
            long[] ids = batch.inputIds().toLongArray();
            long[] positions = batch.maskedIndex().toLongArray();
            long[] originals = batch.maskedLabels().toLongArray();
            long[] drawn = samples.toLongArray();
            float[] replaced = new float[ids.length];
            int count = 0;
            for (int k = 0; k < positions.length; k++) {
                int p = Math.toIntExact(positions[k]);
                ids[p] = drawn[k];
                if (drawn[k] != originals[k]) {
                    replaced[p] = 1;
                    count++;
                }
            }
            NDManager manager = batch.inputIds().getManager();
            Shape shape = batch.inputIds().getShape();
            return new Corruption(manager.create(ids, shape), manager.create(replaced, shape), count);
        }
    }
}
