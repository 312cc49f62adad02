package org.bert4j.checkpoint.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    @Test
    void readsTheProtobufDocumentationExamples() {
        // Test1{a = 150}: 08 96 01.  Test2{b = "testing"}: 12 07 74 65 73 74 69 6e 67.
        ProtoReader r = new ProtoReader(bytes(0x08, 0x96, 0x01, 0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'));
        assertTrue(r.next());
        assertEquals(1, r.field());
        assertEquals(ProtoReader.VARINT, r.wireType());
        assertEquals(150, r.varint());
        assertTrue(r.next());
        assertEquals(2, r.field());
        assertEquals("testing", r.string());
        assertFalse(r.next());
    }

    @Test
    void varintsRoundTripAtTheirBoundaries() {
        long[] values = {0, 1, 127, 128, 300, 16383, 16384, Integer.MAX_VALUE, 1L << 35, Long.MAX_VALUE, -1};
        ProtoWriter w = new ProtoWriter();
        for (long v : values) w.varint(3, v);
        assertEquals(10, ProtoWriter.encodeVarint(-1).length, "negative int64 takes 10 bytes");
        ProtoReader r = new ProtoReader(w.toByteArray());
        for (long v : values) {
            assertTrue(r.next());
            assertEquals(v, r.varint());
        }
        assertFalse(r.next());
    }

    @Test
    void fixedWidthAndNestedMessages() {
        ProtoWriter inner = new ProtoWriter().fixed32(1, 0xa282ead8).string(2, "é");
        byte[] b = new ProtoWriter().fixed64(1, 0xdb4775248b80fb57L).message(2, inner).varint(3, 7).toByteArray();
        // fixed64 is little-endian on the wire: tag 09 then 57 fb 80 8b 24 75 47 db
        assertArrayEquals(bytes(0x09, 0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb), java.util.Arrays.copyOf(b, 9));
        ProtoReader r = new ProtoReader(b);
        assertTrue(r.next());
        assertEquals(0xdb4775248b80fb57L, r.fixed64());
        assertTrue(r.next());
        ProtoReader m = r.message();
        assertTrue(m.next());
        assertEquals(0xa282ead8, m.fixed32());
        assertTrue(m.next());
        assertEquals("é", m.string());
        assertFalse(m.next());
        assertTrue(r.next());
        assertEquals(3, r.field());
    }

    @Test
    void repeatedFieldsPackedOrNot() {
        // Packed: field 1, LEN 06, varints 3 270 86942 (the documentation's example); then the same unpacked.
        byte[] packed = bytes(0x0a, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05, 0x08, 0x03, 0x08, 0x8e, 0x02);
        List<Long> seen = new ArrayList<>();
        ProtoReader r = new ProtoReader(packed);
        while (r.next()) r.repeatedVarint(seen::add);
        assertEquals(List.of(3L, 270L, 86942L, 3L, 270L), seen);

        ProtoWriter floats = new ProtoWriter().bytes(4, bytes(0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0)).fixed32(4,
                Float.floatToIntBits(0.5f));
        List<Double> f = new ArrayList<>();
        r = new ProtoReader(floats.toByteArray());
        while (r.next()) r.repeatedFloat(f::add);
        assertEquals(List.of(1.0, -2.0, 0.5), f);

        List<Double> d = new ArrayList<>();
        r = new ProtoReader(new ProtoWriter().fixed64(10, Double.doubleToLongBits(0.25)).toByteArray());
        while (r.next()) r.repeatedDouble(d::add);
        assertEquals(List.of(0.25), d);
    }

    @Test
    void skipsEveryWireType() {
        byte[] b = new ProtoWriter().varint(1, 1L << 40).fixed64(2, 5).string(3, "x").fixed32(4, 9).varint(5, 42)
                .toByteArray();
        ProtoReader r = new ProtoReader(b);
        while (r.next()) {
            if (r.field() == 5) assertEquals(42, r.varint());
            else r.skip();
        }
        assertEquals(b.length, r.position());
    }

    @Test
    void malformedInputIsReportedWithItsOffset() {
        ProtoReader truncatedVarint = new ProtoReader(bytes(0x08, 0x96));
        truncatedVarint.next();
        ProtoException e = assertThrows(ProtoException.class, truncatedVarint::varint);
        assertTrue(e.getMessage().contains("truncated varint"), e.getMessage());

        ProtoReader tooLong = new ProtoReader(bytes(0x12, 0x05, 'a', 'b'));
        tooLong.next();
        e = assertThrows(ProtoException.class, tooLong::string);
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());

        ProtoReader group = new ProtoReader(bytes(0x0b, 0x0c));   // wire type 3: a proto2 group
        group.next();
        assertThrows(ProtoException.class, group::skip);

        ProtoReader fieldZero = new ProtoReader(bytes(0x00, 0x01));
        assertThrows(ProtoException.class, fieldZero::next);

        ProtoReader shortFixed = new ProtoReader(bytes(0x0d, 1, 2));
        shortFixed.next();
        assertThrows(ProtoException.class, shortFixed::fixed32);
    }
}
