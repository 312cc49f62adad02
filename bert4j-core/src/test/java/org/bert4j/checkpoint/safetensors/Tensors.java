package org.bert4j.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;

/** Test tensors filled with random bits, so any reordering or truncation of bytes shows up. */
final class Tensors {
    private Tensors() {}

    static StoredTensor random(String name, TensorDType dtype, long seed, long... shape) {
        byte[] bytes = new byte[Math.toIntExact(StoredTensor.elementCount(shape) * dtype.bytes())];
        new Random(seed).nextBytes(bytes);
        return new StoredTensor(name, dtype, shape, ByteBuffer.wrap(bytes));
    }

    static byte[] bytes(StoredTensor t) {
        ByteBuffer b = t.data().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static void assertSameTensor(StoredTensor expected, StoredTensor actual) {
        assertEquals(expected.dtype(), actual.dtype(), expected.name());
        assertArrayEquals(expected.shape(), actual.shape(), expected.name());
        assertArrayEquals(bytes(expected), bytes(actual), expected.name());
    }
}
