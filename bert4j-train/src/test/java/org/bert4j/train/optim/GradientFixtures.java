package org.bert4j.train.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.bert4j.nn.Parameter;

/** Parameters with chosen values and chosen gradients, for optimiser tests without a model. */
final class GradientFixtures {

    private GradientFixtures() {}

    /** A parameter holding {@code values} (rounded to {@code type}), requiring a gradient. */
    static Parameter parameter(NDManager manager, DataType type, double[] values, long... shape) {
        Parameter p = new Parameter(new Shape(shape), Parameter.Init.RANDOM);
        p.set(manager.create(values, new Shape(shape)).toType(type, false));
        p.value().setRequiresGradient(true);
        return p;
    }

    /** Gives each parameter exactly gradient G_i, by back-propagating Σ_i Σ G_i ⊙ x_i in a fresh collector. */
    static void setGradients(List<TrainableParameter> parameters, double[][] gradients) {
        NDManager owner = parameters.get(0).parameter().value().getManager();
        try (NDManager scope = owner.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (int i = 0; i < gradients.length; i++) {
                NDArray x = parameters.get(i).parameter().value();
                NDArray g = scope.create(gradients[i], x.getShape()).toType(x.getDataType(), false);
                NDArray term = g.mul(x).sum(); // G first: the product lands in scope
                loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
        }
    }

    static double[] values(NDArray array) {
        return array.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    static double[] gradient(Parameter p) {
        try (NDArray g = p.value().getGradient()) {
            return values(g);
        }
    }

    /** Uniform in [−scale, scale), rounded to what {@code type} can hold so the reference sees the same numbers. */
    static double[] random(Random random, int n, double scale, DataType type) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double value = scale * (2 * random.nextDouble() - 1);
            out[i] = type == DataType.FLOAT32 ? (float) value : value;
        }
        return out;
    }
}
