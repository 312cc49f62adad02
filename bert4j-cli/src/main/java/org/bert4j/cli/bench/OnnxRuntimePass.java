package org.bert4j.cli.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The peer: ONNX Runtime's CPU provider on the model's ONNX export with every graph optimisation on (its fused
 * attention, GELU and LayerNorm kernels), the same thread count, and only the first output (last_hidden_state)
 * requested, as bert4j returns only hidden states. Inputs are built per pass, as bert4j builds its own.
 */
public final class OnnxRuntimePass implements BenchPass {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final Set<String> wanted;
    private final BenchInputs in;

    public OnnxRuntimePass(byte[] onnx, BenchInputs in, int threads) throws OrtException {
        this.in = in;
        this.options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(onnx, options);
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
        this.wanted = Set.of(session.getOutputNames().iterator().next());
    }

    @Override
    public String engine() { return "onnxruntime"; }

    @Override
    public void run() throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (String name : session.getInputNames()) {
                inputs.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(source(name)), in.shape()));
            }
            try (OrtSession.Result r = session.run(inputs, wanted)) {
                if (r.size() != 1) throw new IllegalStateException("ONNX Runtime returned " + r.size() + " outputs");
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private long[] source(String input) {
        return switch (input) {
            case "input_ids" -> in.ids();
            case "attention_mask" -> in.mask();
            case "token_type_ids" -> in.types();
            default -> throw new IllegalArgumentException("unexpected ONNX input '" + input + "'");
        };
    }

    @Override
    public void close() throws OrtException {
        try {
            session.close();
        } finally {
            options.close();
        }
    }
}
