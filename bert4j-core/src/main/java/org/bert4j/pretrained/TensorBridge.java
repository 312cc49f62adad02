package org.bert4j.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;

/** Stored bytes ↔ engine arrays. Values are copied, so a mapped file may be closed once loading is done. */
final class TensorBridge {

    private TensorBridge() {}

    /** The tensor as an engine array of {@code target} type, matrix axes swapped when {@code transpose}. */
    static NDArray toArray(NDManager manager, StoredTensor t, DataType target, boolean transpose) {
        long[] shape = t.shape().clone();
        NDArray a;
        if (t.dtype() == TensorDType.F64 && target == DataType.FLOAT64) {
            double[] v = new double[Math.toIntExact(t.elementCount())];
            t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
            if (transpose) {
                v = transpose(v, shape);
                shape = new long[] {shape[1], shape[0]};
            }
            a = manager.create(v, new Shape(shape));
        } else {
            float[] v = t.toFloats();
            if (transpose) {
                v = transpose(v, shape);
                shape = new long[] {shape[1], shape[0]};
            }
            a = manager.create(v, new Shape(shape));
        }
        return a.getDataType() == target ? a : a.toType(target, false);
    }

    /** The array's bytes (float32 or float64) as a tensor named {@code name}, axes swapped when asked. */
    static StoredTensor toStored(String name, NDArray array, boolean transpose) {
        NDArray a = transpose ? array.transpose() : array;
        long[] shape = a.getShape().getShape();
        if (a.getDataType() == DataType.FLOAT64) {
            double[] v = a.toDoubleArray();
            ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(v);
            return new StoredTensor(name, TensorDType.F64, shape, b);
        }
        return StoredTensor.ofFloats(name, shape, a.toType(DataType.FLOAT32, false).toFloatArray());
    }

    private static float[] transpose(float[] v, long[] shape) {
        requireMatrix(shape);
        int rows = (int) shape[0], cols = (int) shape[1];
        float[] out = new float[v.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[c * rows + r] = v[r * cols + c];
        return out;
    }

    private static double[] transpose(double[] v, long[] shape) {
        requireMatrix(shape);
        int rows = (int) shape[0], cols = (int) shape[1];
        double[] out = new double[v.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[c * rows + r] = v[r * cols + c];
        return out;
    }

    private static void requireMatrix(long[] shape) {
        if (shape.length != 2) throw new IllegalArgumentException("only matrices are transposed, got rank " + shape.length);
    }
}
