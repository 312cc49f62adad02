package org.bert4j.train.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bert4j.nn.Parameter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of one optimiser step on BERT-base's parameter shapes (110M float32 values in 199 tensors), median of
 * five; prints, asserts nothing. Tagged slow: run with {@code -Pslow -Dtest=OptimizerStepBenchmark}.
 */
@Tag("slow")
class OptimizerStepBenchmark {

    @Test
    void bertBaseStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<TrainableParameter> parameters = bertBase(manager);
            long values = parameters.stream().mapToLong(p -> p.parameter().shape().size()).sum();
            System.out.printf(Locale.ROOT, "BERT-base parameter set: %d tensors, %.1fM values%n", parameters.size(), values / 1e6);
            time("AdamW", new AdamW(parameters, AdamSettings.bert()), parameters);
            time("LAMB ", new Lamb(parameters, AdamSettings.roformerV2()), parameters);
            time("AdamW", new AdamW(parameters, AdamSettings.bert()), parameters);
            fusedPeer(manager, parameters);
            try (NDManager scope = manager.newSubManager()) {
                long[] ns = new long[5];
                for (int i = 0; i < ns.length; i++) {
                    ones(parameters);
                    long t = System.nanoTime();
                    GradientClipping.clipGlobalNorm(parameters, 1.0, scope).toType(DataType.FLOAT64, false).getDouble();
                    ns[i] = System.nanoTime() - t;
                }
                Arrays.sort(ns);
                System.out.printf(Locale.ROOT, "clipGlobalNorm: median %.0f ms%n", ns[2] / 1e6);
            }
        }
    }

    private static void time(String name, MomentOptimizer optimizer, List<TrainableParameter> parameters) {
        long[] ns = new long[5];
        for (int i = 0; i < ns.length; i++) {
            ones(parameters);
            long t = System.nanoTime();
            optimizer.step(1e-4f);
            parameters.get(0).parameter().value().getFloat(0, 0); // wait for the engine
            ns[i] = System.nanoTime() - t;
        }
        optimizer.close();
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%s step: median %.0f ms (min %.0f, max %.0f)%n", name, ns[2] / 1e6, ns[0] / 1e6, ns[4] / 1e6);
    }

    /** The peer: DJL's one-JNI-call-per-tensor native AdamW ({@code NDArrayEx.adamUpdate}, adamw = true). */
    private static void fusedPeer(NDManager manager, List<TrainableParameter> parameters) {
        try (NDManager moments = manager.newSubManager()) {
            List<NDArray[]> state = new ArrayList<>();
            for (TrainableParameter p : parameters) {
                NDArray x = p.parameter().value();
                state.add(new NDArray[] {moments.zeros(x.getShape()), moments.zeros(x.getShape())});
            }
            long[] ns = new long[5];
            for (int i = 0; i < ns.length; i++) {
                ones(parameters);
                long t = System.nanoTime();
                for (int k = 0; k < parameters.size(); k++) {
                    NDArray x = parameters.get(k).parameter().value();
                    try (NDArray g = x.getGradient()) {
                        x.getNDArrayInternal().adamUpdate(new NDList(x, g, state.get(k)[0], state.get(k)[1]),
                                new NDList(x), 1e-4f, 1e-4f, 0.01f, 1f, -1f, 0.9f, 0.999f, 1e-6f, false, true);
                        g.subi(g);
                    }
                }
                parameters.get(0).parameter().value().getFloat(0, 0);
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "DJL fused adamUpdate (peer) step: median %.0f ms (min %.0f, max %.0f)%n",
                    ns[2] / 1e6, ns[0] / 1e6, ns[4] / 1e6);
        }
    }

    /** Gradient 1 everywhere, through a real backward so .grad exists as it would in training. */
    private static void ones(List<TrainableParameter> parameters) {
        try (NDManager scope = parameters.get(0).parameter().value().getManager().newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (TrainableParameter p : parameters) {
                NDArray x = p.parameter().value();
                x.tempAttach(scope);
                NDArray s = x.sum();
                loss = loss == null ? s : loss.add(s);
            }
            collector.backward(loss);
        }
    }

    private static List<TrainableParameter> bertBase(NDManager manager) {
        List<TrainableParameter> out = new ArrayList<>();
        add(manager, out, "embeddings.tokens.weight", 30522, 768);
        add(manager, out, "embeddings.positions.weight", 512, 768);
        add(manager, out, "embeddings.segments.weight", 2, 768);
        add(manager, out, "embeddings.norm.weight", 768);
        add(manager, out, "embeddings.norm.bias", 768);
        for (int l = 0; l < 12; l++) {
            for (String m : List.of("query", "key", "value", "output")) {
                add(manager, out, l + ".attention." + m + ".weight", 768, 768);
                add(manager, out, l + ".attention." + m + ".bias", 768);
            }
            add(manager, out, l + ".attention_norm.weight", 768);
            add(manager, out, l + ".attention_norm.bias", 768);
            add(manager, out, l + ".ffn.input.weight", 3072, 768);
            add(manager, out, l + ".ffn.input.bias", 3072);
            add(manager, out, l + ".ffn.output.weight", 768, 3072);
            add(manager, out, l + ".ffn.output.bias", 768);
            add(manager, out, l + ".ffn_norm.weight", 768);
            add(manager, out, l + ".ffn_norm.bias", 768);
        }
        add(manager, out, "pooler.weight", 768, 768);
        add(manager, out, "pooler.bias", 768);
        return out;
    }

    private static void add(NDManager manager, List<TrainableParameter> out, String path, long... shape) {
        Parameter p = new Parameter(new Shape(shape), Parameter.Init.RANDOM);
        p.set(manager.randomNormal(0, 0.02f, new Shape(shape), DataType.FLOAT32));
        p.value().setRequiresGradient(true);
        out.add(new TrainableParameter(path, p, shape.length > 1));
    }
}
