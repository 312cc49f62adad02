package org.bert4j.train.loop;

import org.bert4j.train.run.PretrainingConfig;

/**
 * The numbers the loop runs by (a slice of {@link PretrainingConfig}, so the loop can be driven without a
 * run file in tests).
 *
 * @param clipNorm            0 = no clipping
 * @param residualWarmupSteps 0 = α stays 1
 * @param evalEvery           0 = evaluate only at the end
 * @param evalMaxBatches      0 = the whole held-out set
 */
public record LoopSettings(long steps, double peakLearningRate, int batchSize, int accumulation, double clipNorm,
                           long residualWarmupSteps, long seed, long logEvery, long evalEvery, int evalMaxBatches,
                           long checkpointEvery, double maxSeconds) {

    /** Without a wall-clock budget. */
    public LoopSettings(long steps, double peakLearningRate, int batchSize, int accumulation, double clipNorm,
                        long residualWarmupSteps, long seed, long logEvery, long evalEvery, int evalMaxBatches,
                        long checkpointEvery) {
        this(steps, peakLearningRate, batchSize, accumulation, clipNorm, residualWarmupSteps, seed, logEvery, evalEvery,
                evalMaxBatches, checkpointEvery, 0);
    }

    public static LoopSettings from(PretrainingConfig c) {
        return new LoopSettings(c.train().steps(), c.optimizer().lr(), c.train().batchSize(), c.train().accumulation(),
                c.train().clipNorm(), c.train().residualWarmupSteps(), c.train().seed(), c.train().logEvery(),
                c.eval().every(), c.eval().maxBatches(), c.checkpoint().every(),
                c.train().maxMinutes() * 60);
    }

    /** RoFormerV2's residual warm-up: α = min(1, step / warm-up) before step {@code step} (0-based). */
    public float residualScale(long step) {
        return residualWarmupSteps == 0 ? 1f : (float) Math.min(1.0, (double) step / residualWarmupSteps);
    }

    /** True once the run (all its sessions) has used its wall-clock budget. */
    boolean outOfTime(double elapsedSeconds) {
        return maxSeconds > 0 && elapsedSeconds >= maxSeconds;
    }

    /** Whether a periodic action is due after {@code step}; everything is due at the last step. */
    boolean due(long step, long every, boolean last) {
        return last || step == steps || (every > 0 && step % every == 0);
    }
}
