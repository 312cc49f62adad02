package org.bert4j.train.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;

/**
 * Engine arrays to and from safetensors entries bit for bit (float32 or float64): the optimiser's moments, GDES's
 * embedding residuals, anything a checkpoint keeps besides the model so a resumed run continues exactly.
 */
public final class TensorFiles {

    private TensorFiles() {}

    /** A copy of {@code array}'s values under {@code name}. */
    public static StoredTensor stored(String name, NDArray array) {
        long[] shape = array.getShape().getShape();
        if (array.getDataType() == DataType.FLOAT64) {
            double[] v = array.toDoubleArray();
            ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(v);
            return new StoredTensor(name, TensorDType.F64, shape, b);
        }
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("tensor '" + name + "' is " + array.getDataType() + ", not float32/64");
        }
        return StoredTensor.ofFloats(name, shape, array.toFloatArray());
    }

    /** The entry as an array in {@code manager}. */
    public static NDArray array(NDManager manager, StoredTensor t) {
        Shape shape = new Shape(t.shape());
        ByteBuffer data = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return switch (t.dtype()) {
            case F32 -> {
                float[] v = new float[Math.toIntExact(t.elementCount())];
                data.asFloatBuffer().get(v);
                yield manager.create(v, shape);
            }
            case F64 -> {
                double[] v = new double[Math.toIntExact(t.elementCount())];
                data.asDoubleBuffer().get(v);
                yield manager.create(v, shape);
            }
            default -> throw new CheckpointException("tensor '" + t.name() + "' is " + t.dtype() + ", not F32/F64");
        };
    }
}
