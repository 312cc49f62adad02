package org.bert4j.checkpoint.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.StoredTensor;
import org.bert4j.checkpoint.TensorDType;
import org.bert4j.checkpoint.proto.ProtoReader;

/**
 * Decodes one ONNX {@code TensorProto}. PyTorch exports put the bytes in {@code raw_data}, which is returned as a
 * slice of the model buffer (no copy); the typed repeated fields ({@code float_data}, {@code int64_data}, ...) that
 * other exporters use for small tensors are converted into a fresh little-endian buffer.
 */
final class OnnxTensors {
    private OnnxTensors() {}

    /**
     * The decoded tensor, or why it cannot be used as a weight. {@code fatal}: the model cannot be read as
     * intended at all (external data), as opposed to one odd tensor (a string constant) that can be skipped.
     */
    record Decoded(StoredTensor tensor, String unsupported, boolean fatal) {}

    /** @param fallbackName used when the TensorProto has no name (Constant nodes name their output instead) */
    static Decoded decode(ByteBuffer tensorProto, String fallbackName) {
        ProtoReader r = new ProtoReader(tensorProto);
        List<Long> dims = new ArrayList<>();
        String name = null;
        int dataType = 0;
        boolean external = false;
        ByteBuffer raw = null;
        List<Double> floating = new ArrayList<>();   // float_data / double_data
        List<Long> integral = new ArrayList<>();     // int32_data / int64_data / uint64_data
        while (r.next()) {
            switch (r.field()) {
                case 1 -> r.repeatedVarint(dims::add);
                case 2 -> dataType = (int) r.varint();
                case 4 -> r.repeatedFloat(floating::add);
                case 5, 7, 11 -> r.repeatedVarint(integral::add);
                case 8 -> name = r.string();
                case 9 -> raw = r.bytes();
                case 10 -> r.repeatedDouble(floating::add);
                case 13 -> { external = true; r.skip(); }
                case 14 -> external |= r.varint() == 1;   // DataLocation.EXTERNAL
                default -> r.skip();
            }
        }
        if (name == null || name.isEmpty()) name = fallbackName;
        if (external) {
            return new Decoded(null, "its data is stored outside the .onnx file (external_data); bert4j reads "
                    + "only self-contained models: re-save with onnx.save(model, path, save_as_external_data=False)",
                    true);
        }
        TensorDType dtype = dtype(dataType);
        if (dtype == null) return new Decoded(null, "unsupported ONNX data_type " + dataType, false);
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        if (raw == null) raw = fromTypedFields(dtype, floating, integral);
        try {
            return new Decoded(new StoredTensor(name, dtype, shape, raw), null, false);
        } catch (IllegalArgumentException e) {
            return new Decoded(null, e.getMessage(), true);   // bytes and dims disagree: a corrupt file
        }
    }

    /** ONNX TensorProto.DataType → bert4j element type; null for strings, complex, unsigned wide ints, float8. */
    static TensorDType dtype(int onnxType) {
        return switch (onnxType) {
            case 1 -> TensorDType.F32;
            case 2 -> TensorDType.U8;
            case 3 -> TensorDType.I8;
            case 5 -> TensorDType.I16;
            case 6 -> TensorDType.I32;
            case 7 -> TensorDType.I64;
            case 9 -> TensorDType.BOOL;
            case 10 -> TensorDType.F16;
            case 11 -> TensorDType.F64;
            case 16 -> TensorDType.BF16;
            default -> null;
        };
    }

    // ONNX keeps sub-32-bit types (F16, BF16, I8, U8, I16, BOOL) in int32_data, one element per int, low bits used.
    private static ByteBuffer fromTypedFields(TensorDType dtype, List<Double> floating, List<Long> integral) {
        int n = dtype == TensorDType.F32 || dtype == TensorDType.F64 ? floating.size() : integral.size();
        ByteBuffer b = ByteBuffer.allocate(n * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case F32 -> b.putFloat(floating.get(i).floatValue());
                case F64 -> b.putDouble(floating.get(i));
                case I64 -> b.putLong(integral.get(i));
                case I32 -> b.putInt(integral.get(i).intValue());
                case F16, BF16, I16 -> b.putShort((short) integral.get(i).longValue());
                default -> b.put((byte) integral.get(i).longValue());
            }
        }
        return b.flip();
    }
}
