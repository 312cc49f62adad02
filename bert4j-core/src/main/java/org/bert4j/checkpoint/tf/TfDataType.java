package org.bert4j.checkpoint.tf;

import org.bert4j.checkpoint.TensorDType;

/** TensorFlow's DataType enum (types.proto), as far as checkpoints use it. */
final class TfDataType {
    private TfDataType() {}

    /** The bert4j element type, or null for types that are not numeric tensors (strings, resources, variants). */
    static TensorDType toTensorDType(int tf) {
        return switch (tf) {
            case 1 -> TensorDType.F32;
            case 2 -> TensorDType.F64;
            case 3 -> TensorDType.I32;
            case 4 -> TensorDType.U8;
            case 5 -> TensorDType.I16;
            case 6 -> TensorDType.I8;
            case 9 -> TensorDType.I64;
            case 10 -> TensorDType.BOOL;
            case 14 -> TensorDType.BF16;
            case 19 -> TensorDType.F16;
            default -> null;
        };
    }

    static String name(int tf) {
        return switch (tf) {
            case 1 -> "DT_FLOAT";
            case 2 -> "DT_DOUBLE";
            case 3 -> "DT_INT32";
            case 4 -> "DT_UINT8";
            case 5 -> "DT_INT16";
            case 6 -> "DT_INT8";
            case 7 -> "DT_STRING";
            case 9 -> "DT_INT64";
            case 10 -> "DT_BOOL";
            case 14 -> "DT_BFLOAT16";
            case 19 -> "DT_HALF";
            case 20 -> "DT_RESOURCE";
            case 21 -> "DT_VARIANT";
            default -> "DataType " + tf;
        };
    }
}
