package org.bert4j.checkpoint;

/** Element types a checkpoint file can hold, with their safetensors spelling and width. */
public enum TensorDType {
    F64("F64", 8), F32("F32", 4), F16("F16", 2), BF16("BF16", 2),
    I64("I64", 8), I32("I32", 4), I16("I16", 2), I8("I8", 1), U8("U8", 1), BOOL("BOOL", 1);

    private final String safetensorsName;
    private final int bytes;

    TensorDType(String safetensorsName, int bytes) {
        this.safetensorsName = safetensorsName;
        this.bytes = bytes;
    }

    public String safetensorsName() { return safetensorsName; }

    public int bytes() { return bytes; }

    /** Parses a safetensors dtype string; returns null when unknown so the caller can name the file and key. */
    public static TensorDType fromSafetensors(String name) {
        for (TensorDType t : values()) {
            if (t.safetensorsName.equals(name)) return t;
        }
        return null;
    }
}
