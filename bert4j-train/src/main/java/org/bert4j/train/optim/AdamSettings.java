package org.bert4j.train.optim;

/**
 * Hyper-parameters of the Adam moment estimates (Kingma &amp; Ba 2015) and the weight decay that AdamW and LAMB
 * add to them. The learning rate is not here: the loop passes the scheduled rate to every step.
 *
 * @param weightDecay    λ, applied only to parameters whose {@link TrainableParameter#decay()} is true
 * @param biasCorrection divide the moments by (1 − β^t); HF's AdamW and You et al.'s LAMB do, Google's BERT
 *                       optimiser and the RoFormerV2 / GAU-α LAMB runs (bert4keras) do not
 */
public record AdamSettings(double beta1, double beta2, double epsilon, double weightDecay, boolean biasCorrection) {

    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
    }

    /** BERT pre-training and fine-tuning: β = (0.9, 0.999), ε = 1e-6, λ = 0.01, with bias correction (HF). */
    public static AdamSettings bert() {
        return new AdamSettings(0.9, 0.999, 1e-6, 0.01, true);
    }

    /** RoFormerV2 / GAU-α pre-training with LAMB (MODELS.md section 3, with lr 1.76e-3): λ = 0.01, no bias correction. */
    public static AdamSettings roformerV2() {
        return new AdamSettings(0.9, 0.999, 1e-6, 0.01, false);
    }

    /** 1 − β^t, or 1 when bias correction is off. */
    double correction(double beta, long step) {
        return biasCorrection ? 1 - Math.pow(beta, step) : 1;
    }
}
