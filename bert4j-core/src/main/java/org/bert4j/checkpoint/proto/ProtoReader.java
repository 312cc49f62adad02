package org.bert4j.checkpoint.proto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;

/**
 * A cursor over protobuf wire-format bytes: just enough of the format (varints, fixed32/64, length-delimited) to
 * read ONNX models and TF bundle metadata without a protobuf dependency or generated classes. Length-delimited
 * fields come back as slices of the underlying buffer, so a memory-mapped 100 MB model is never copied.
 *
 * <p>Usage: {@code while (r.next()) switch (r.field()) { case 1 -> ...; default -> r.skip(); }}. Malformed input
 * (truncated varint, length past the end, unknown wire type) throws {@link ProtoException} with the byte offset.
 */
public final class ProtoReader {
    public static final int VARINT = 0, FIXED64 = 1, LEN = 2, FIXED32 = 5;
    // Groups (3, 4) are proto2 relics no ONNX or TF message uses; they are rejected as unknown.

    private final ByteBuffer buf;
    private int field;
    private int wireType;

    /** Reads from the buffer's position to its limit; the caller's buffer is not moved. */
    public ProtoReader(ByteBuffer buf) {
        this.buf = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public ProtoReader(byte[] bytes) { this(ByteBuffer.wrap(bytes)); }

    /** Advances to the next field; false at the end of the message. */
    public boolean next() {
        if (!buf.hasRemaining()) return false;
        int at = buf.position();
        long tag = varint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0) throw new ProtoException("invalid field number " + field + " at byte " + at);
        return true;
    }

    public int field() { return field; }

    public int wireType() { return wireType; }

    /** Byte offset of the cursor from the start of this message, for error messages. */
    public int position() { return buf.position(); }

    public long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buf.hasRemaining()) throw new ProtoException("truncated varint at byte " + buf.position());
            byte b = buf.get();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) return result;
        }
        throw new ProtoException("varint longer than 10 bytes at byte " + buf.position());
    }

    public int fixed32() { need(4); return buf.getInt(); }

    public long fixed64() { need(8); return buf.getLong(); }

    /** A length-delimited field as a little-endian slice of the input (no copy). */
    public ByteBuffer bytes() {
        long len = varint();
        if (len < 0 || len > buf.remaining()) {
            throw new ProtoException("length " + len + " runs past the end (" + buf.remaining()
                    + " bytes left) at byte " + buf.position());
        }
        return raw((int) len);
    }

    /** The next {@code n} bytes as a slice, for formats that frame bytes themselves (LevelDB block entries). */
    public ByteBuffer raw(int n) {
        if (n < 0 || n > buf.remaining()) {
            throw new ProtoException(n + " bytes requested, " + buf.remaining() + " left at byte " + buf.position());
        }
        ByteBuffer out = buf.slice(buf.position(), n).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(buf.position() + n);
        return out;
    }

    public boolean hasRemaining() { return buf.hasRemaining(); }

    public String string() {
        ByteBuffer b = bytes();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** An embedded message, as a reader of its own. */
    public ProtoReader message() { return new ProtoReader(bytes()); }

    /** Skips the current field's value, whatever its wire type. */
    public void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> { need(8); buf.position(buf.position() + 8); }
            case LEN -> bytes();
            case FIXED32 -> { need(4); buf.position(buf.position() + 4); }
            default -> throw new ProtoException("unsupported wire type " + wireType + " for field " + field
                    + " at byte " + buf.position());
        }
    }

    /** A repeated integer field, whether the writer packed it (proto3 default) or not. */
    public void repeatedVarint(LongConsumer sink) {
        if (wireType == LEN) {
            ProtoReader packed = new ProtoReader(bytes());
            while (packed.buf.hasRemaining()) sink.accept(packed.varint());
        } else {
            expect(VARINT);
            sink.accept(varint());
        }
    }

    /** A repeated float field (fixed32), packed or not. */
    public void repeatedFloat(DoubleConsumer sink) {
        if (wireType == LEN) {
            ByteBuffer b = bytes();
            if (b.remaining() % 4 != 0) throw new ProtoException("packed floats of " + b.remaining() + " bytes");
            while (b.hasRemaining()) sink.accept(b.getFloat());
        } else {
            expect(FIXED32);
            sink.accept(Float.intBitsToFloat(fixed32()));
        }
    }

    /** A repeated double field (fixed64), packed or not. */
    public void repeatedDouble(DoubleConsumer sink) {
        if (wireType == LEN) {
            ByteBuffer b = bytes();
            if (b.remaining() % 8 != 0) throw new ProtoException("packed doubles of " + b.remaining() + " bytes");
            while (b.hasRemaining()) sink.accept(b.getDouble());
        } else {
            expect(FIXED64);
            sink.accept(Double.longBitsToDouble(fixed64()));
        }
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new ProtoException("field " + field + " has wire type " + wireType + ", expected " + type
                    + " at byte " + buf.position());
        }
    }

    private void need(int n) {
        if (buf.remaining() < n) throw new ProtoException("truncated " + n + "-byte value at byte " + buf.position());
    }
}
