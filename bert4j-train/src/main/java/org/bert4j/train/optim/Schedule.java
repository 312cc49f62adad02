package org.bert4j.train.optim;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The learning-rate schedules, each a small record that is both the run file's spec and the schedule. Steps are
 * 0-based optimiser steps; as in Google's BERT, HF {@code get_*_schedule_with_warmup} and bert4keras, step 0 of a
 * warm-up has multiplier 0 and step {@code warmupSteps} reaches 1.
 */
public sealed interface Schedule extends LearningRateSchedule {

    /** Linear warm-up from 0, then 1. */
    record Constant(long warmupSteps) implements Schedule {
        public Constant {
            requireWarmup(warmupSteps);
        }

        @Override
        public double multiplier(long step) {
            requireStep(step);
            return warmup(step, warmupSteps);
        }
    }

    /** Linear warm-up, then linear decay to 0 at {@code totalSteps} (BERT), 0 after. */
    record LinearDecay(long warmupSteps, long totalSteps) implements Schedule {
        public LinearDecay {
            requireWarmup(warmupSteps);
            requireTotal(warmupSteps, totalSteps);
        }

        @Override
        public double multiplier(long step) {
            requireStep(step);
            if (step < warmupSteps) return warmup(step, warmupSteps);
            return Math.max(0, (double) (totalSteps - step) / (totalSteps - warmupSteps));
        }
    }

    /**
     * Linear warm-up, then half a cosine from 1 down to {@code floor} at {@code totalSteps} (HF's cosine schedule
     * when floor = 0), {@code floor} after.
     */
    record CosineDecay(long warmupSteps, long totalSteps, double floor) implements Schedule {
        public CosineDecay {
            requireWarmup(warmupSteps);
            requireTotal(warmupSteps, totalSteps);
            if (!(floor >= 0 && floor <= 1)) throw new IllegalArgumentException("floor must be in [0, 1], got " + floor);
        }

        @Override
        public double multiplier(long step) {
            requireStep(step);
            if (step < warmupSteps) return warmup(step, warmupSteps);
            double progress = Math.min(1, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
            return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
    }

    /**
     * bert4keras's {@code piecewise_linear}: straight lines between {@code {step: multiplier}} points, the last
     * value after the last point, and an implicit {@code 0: 0} point when none is given at step 0. So
     * {@code {10000: 1, 1000000: 0}} is BERT's warm-up and linear decay.
     */
    record PiecewiseLinear(NavigableMap<Long, Double> points) implements Schedule {
        public PiecewiseLinear {
            if (points.isEmpty()) throw new IllegalArgumentException("a piecewise-linear schedule needs at least one point");
            TreeMap<Long, Double> copy = new TreeMap<>();
            for (Map.Entry<Long, Double> e : points.entrySet()) {
                if (e.getKey() < 0) throw new IllegalArgumentException("schedule step must be >= 0, got " + e.getKey());
                if (!(e.getValue() >= 0 && Double.isFinite(e.getValue()))) {
                    throw new IllegalArgumentException("multiplier at step " + e.getKey() + " must be finite and >= 0, got "
                            + e.getValue());
                }
                copy.put(e.getKey(), e.getValue());
            }
            copy.putIfAbsent(0L, 0.0);
            points = Collections.unmodifiableNavigableMap(copy);
        }

        public static PiecewiseLinear of(Map<Long, Double> points) {
            return new PiecewiseLinear(new TreeMap<>(points));
        }

        @Override
        public double multiplier(long step) {
            requireStep(step);
            Map.Entry<Long, Double> before = points.floorEntry(step);
            Map.Entry<Long, Double> after = points.higherEntry(step);
            if (after == null) return before.getValue();
            double slope = (after.getValue() - before.getValue()) / (after.getKey() - before.getKey());
            return before.getValue() + slope * (step - before.getKey());
        }
    }

    private static double warmup(long step, long warmupSteps) {
        return step >= warmupSteps ? 1 : (double) step / warmupSteps;
    }

    private static void requireStep(long step) {
        if (step < 0) throw new IllegalArgumentException("optimiser step must be >= 0, got " + step);
    }

    private static void requireWarmup(long warmupSteps) {
        if (warmupSteps < 0) throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmupSteps);
    }

    private static void requireTotal(long warmupSteps, long totalSteps) {
        if (totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("total steps (" + totalSteps + ") must exceed warm-up steps ("
                    + warmupSteps + ")");
        }
    }
}
