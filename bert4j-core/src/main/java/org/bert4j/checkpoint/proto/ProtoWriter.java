package org.bert4j.checkpoint.proto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The writing half of {@link ProtoReader}: appends protobuf fields to a growing byte array. Used to splice
 * extra outputs into an ONNX graph and, in tests, to build small ONNX and TF bundle messages by hand.
 */
public final class ProtoWriter {
    private final ByteArrayOutputStream out;

    public ProtoWriter() { this(64); }

    /** With room for this many bytes up front (copying a 100 MB model should not regrow the array 20 times). */
    public ProtoWriter(int capacity) { out = new ByteArrayOutputStream(capacity); }

    public ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.VARINT);
        rawVarint(value);
        return this;
    }

    public ProtoWriter fixed32(int field, int value) {
        tag(field, ProtoReader.FIXED32);
        for (int i = 0; i < 4; i++) out.write(value >>> (8 * i));
        return this;
    }

    public ProtoWriter fixed64(int field, long value) {
        tag(field, ProtoReader.FIXED64);
        for (int i = 0; i < 8; i++) out.write((int) (value >>> (8 * i)));
        return this;
    }

    public ProtoWriter bytes(int field, byte[] value) {
        return bytes(field, ByteBuffer.wrap(value));
    }

    /** A length-delimited field from the buffer's remaining bytes (the buffer is not moved). */
    public ProtoWriter bytes(int field, ByteBuffer value) {
        return lengthHeader(field, value.remaining()).raw(value);
    }

    /**
     * Only the tag and length of a length-delimited field; the caller then writes exactly {@code length} bytes
     * with {@code raw}. Lets a large message be assembled from pieces without concatenating them first.
     */
    public ProtoWriter lengthHeader(int field, int length) {
        tag(field, ProtoReader.LEN);
        rawVarint(length);
        return this;
    }

    /** Appends the buffer's remaining bytes unchanged (the buffer is not moved). */
    public ProtoWriter raw(ByteBuffer value) {
        ByteBuffer b = value.duplicate();
        if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        } else {
            byte[] chunk = new byte[Math.min(b.remaining(), 1 << 16)];
            while (b.hasRemaining()) {
                int n = Math.min(chunk.length, b.remaining());
                b.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
        return this;
    }

    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** Appends already-encoded fields unchanged (a message's other fields, copied through). */
    public ProtoWriter raw(byte[] encoded) {
        out.write(encoded, 0, encoded.length);
        return this;
    }

    public byte[] toByteArray() { return out.toByteArray(); }

    /** The base-128 varint encoding of a value, on its own (LevelDB blocks use these outside protobuf too). */
    public static byte[] encodeVarint(long value) {
        ProtoWriter w = new ProtoWriter();
        w.rawVarint(value);
        return w.toByteArray();
    }

    private void tag(int field, int wireType) { rawVarint(((long) field << 3) | wireType); }

    private void rawVarint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
