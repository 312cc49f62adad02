package org.bert4j.train.optim;

/**
 * AdamW and LAMB in plain float64 Java, written from the papers' formulas (Loshchilov &amp; Hutter 2019, Algorithm 2;
 * You et al. 2019, Algorithm 2) and independent of the NDArray implementation: explicit m̂ and v̂, explicit norms.
 */
final class ReferenceOptimizer {

    enum Kind { ADAMW, LAMB }

    private final Kind kind;
    private final AdamSettings s;
    private final double[][] m;
    private final double[][] v;
    private long t;

    ReferenceOptimizer(Kind kind, AdamSettings settings, double[][] shapes) {
        this.kind = kind;
        this.s = settings;
        this.m = new double[shapes.length][];
        this.v = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            m[i] = new double[shapes[i].length];
            v[i] = new double[shapes[i].length];
        }
    }

    /** Updates x in place from gradients g. */
    void step(double[][] x, double[][] g, boolean[] decay, double lr) {
        t++;
        for (int i = 0; i < x.length; i++) {
            double lambda = decay[i] ? s.weightDecay() : 0;
            double[] r = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                m[i][j] = s.beta1() * m[i][j] + (1 - s.beta1()) * g[i][j];
                v[i][j] = s.beta2() * v[i][j] + (1 - s.beta2()) * g[i][j] * g[i][j];
                double mHat = s.biasCorrection() ? m[i][j] / (1 - Math.pow(s.beta1(), t)) : m[i][j];
                double vHat = s.biasCorrection() ? v[i][j] / (1 - Math.pow(s.beta2(), t)) : v[i][j];
                r[j] = mHat / (Math.sqrt(vHat) + s.epsilon());
            }
            if (kind == Kind.ADAMW) {
                for (int j = 0; j < x[i].length; j++) x[i][j] = x[i][j] - lr * lambda * x[i][j] - lr * r[j];
            } else {
                for (int j = 0; j < x[i].length; j++) r[j] += lambda * x[i][j];
                double xNorm = norm(x[i]);
                double rNorm = norm(r);
                double ratio = xNorm > 0 && rNorm > 0 ? xNorm / rNorm : 1;
                for (int j = 0; j < x[i].length; j++) x[i][j] -= lr * ratio * r[j];
            }
        }
    }

    static double norm(double[] a) {
        double sum = 0;
        for (double e : a) sum += e * e;
        return Math.sqrt(sum);
    }
}
