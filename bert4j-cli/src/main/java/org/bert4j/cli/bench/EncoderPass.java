package org.bert4j.cli.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.bert4j.model.Encoder;
import org.bert4j.model.EncoderModel;

/**
 * bert4j's backbone forward pass ({@link EncoderModel#encode}, inference). Every pass runs in its own NDManager
 * scope: the inputs are created there, every intermediate attaches to them, and closing the scope frees the pass,
 * so nothing outlives it (design notes, "Memory"). The model itself is the caller's to close.
 */
public final class EncoderPass implements BenchPass {

    private final EncoderModel model;
    private final BenchInputs in;
    private final Shape shape;

    public EncoderPass(EncoderModel model, BenchInputs in) {
        this.model = model;
        this.in = in;
        this.shape = new Shape(in.shape());
    }

    @Override
    public String engine() { return "bert4j"; }

    @Override
    public void run() {
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray ids = scope.create(in.ids(), shape); // (B, T)
            NDArray types = scope.create(in.types(), shape);
            NDArray mask = scope.create(in.mask(), shape);
            Encoder.Output out = model.encode(ids, types, mask, false);
            // PyTorch's CPU kernels are synchronous: the pass is done when encode returns. Checking the shape keeps
            // the result live until here without copying it to the heap (ONNX Runtime's output stays native too).
            if (out.last().getShape().get(0) != in.batch()) throw new IllegalStateException("wrong output batch");
        }
    }

    @Override
    public void close() {}
}
