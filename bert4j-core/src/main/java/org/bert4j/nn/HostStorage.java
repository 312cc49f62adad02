package org.bert4j.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A float32 CPU tensor's own memory as a {@link FloatBuffer}, so Java code can read and write it in place: the
 * optimisers update weights, moments and gradients in one Java pass instead of a dozen engine passes, dropout
 * masks are drawn straight into a fresh tensor ({@link DropoutMasks}), and token-table gradients are added row by
 * row ({@link SparseTableGradients}).
 *
 * <p>DJL's {@code toByteBuffer(true)} returns the tensor's storage only when the tensor is contiguous; otherwise
 * it silently returns a fresh contiguous copy, and writes to that would be lost. Two calls on the same contiguous
 * tensor give the same address, while two calls on a non-contiguous one give two different live copies (each
 * attached to the tensor's manager until it closes), so comparing the two addresses tells which case this is.
 */
public final class HostStorage {

    private HostStorage() {}

    /** The tensor's storage, or null when it is not a contiguous float32 CPU tensor whose memory can be shared. */
    public static FloatBuffer floats(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32 || !Device.cpu().equals(array.getDevice())) return null;
        ByteBuffer first = array.toByteBuffer(true);
        if (!first.isDirect()) return null;
        ByteBuffer second = array.toByteBuffer(true);
        if (address(first) != address(second) || first.capacity() != array.size() * Float.BYTES) return null;
        return first.order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Whether two handles expose the same memory (both shareable, as {@link #floats} checks, at one address). */
    public static boolean sameMemory(NDArray a, NDArray b) {
        FloatBuffer x = floats(a);
        FloatBuffer y = floats(b);
        return x != null && y != null && address(x) == address(y);
    }

    private static long address(Buffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }
}
