package org.bert4j.checkpoint.safetensors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.TensorDType;

/** The JSON header of a safetensors file: parsing with full validation, and encoding for the writer. */
final class SafetensorsHeader {

    static final String METADATA_KEY = "__metadata__";

    /** Where a tensor lives; offsets are relative to the start of the data section, as in the file. */
    record Entry(String name, TensorDType dtype, long[] shape, long begin, long end) {
        long length() { return end - begin; }
    }

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    final Map<String, Entry> entries;
    final Map<String, String> metadata;

    private SafetensorsHeader(Map<String, Entry> entries, Map<String, String> metadata) {
        this.entries = Collections.unmodifiableMap(entries);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** Validates everything that can be checked without touching the data, so later reads cannot fail halfway. */
    static SafetensorsHeader parse(Path file, byte[] bytes, long dataLength) {
        JsonObject root = parseJsonObject(file, "header", bytes);
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (e.getKey().equals(METADATA_KEY)) {
                parseMetadata(file, e.getValue(), metadata);
            } else {
                entries.put(e.getKey(), parseEntry(file, e.getKey(), e.getValue(), dataLength));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries.values());
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry prev = byOffset.get(i - 1), cur = byOffset.get(i);
            if (cur.begin < prev.end) {
                throw error(file, cur.name, "data_offsets [" + cur.begin + ", " + cur.end + "] overlap tensor '"
                        + prev.name + "' at [" + prev.begin + ", " + prev.end + "]");
            }
        }
        return new SafetensorsHeader(entries, metadata);
    }

    /** Parses strict UTF-8 JSON that must be one object; {@code what} names the part of the file for errors. */
    static JsonObject parseJsonObject(Path file, String what, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // Strict mode: a lenient parser would accept e.g. unquoted keys that no other reader accepts.
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) throw new JsonParseException("trailing content");
            if (root == null || !root.isJsonObject()) throw new JsonParseException("not a JSON object");
            return root.getAsJsonObject();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file + ": " + what + " is not valid UTF-8", e);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file + ": " + what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void parseMetadata(Path file, JsonElement value, Map<String, String> out) {
        if (!value.isJsonObject()) throw error(file, METADATA_KEY, "must be an object of strings");
        for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
            JsonElement v = m.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw error(file, METADATA_KEY + "." + m.getKey(), "metadata values must be strings, found " + v);
            }
            out.put(m.getKey(), v.getAsString());
        }
    }

    private static Entry parseEntry(Path file, String name, JsonElement value, long dataLength) {
        if (!value.isJsonObject()) throw error(file, name, "entry must be an object, found " + value);
        JsonObject o = value.getAsJsonObject();
        JsonElement dt = o.get("dtype");
        if (dt == null || !dt.isJsonPrimitive() || !dt.getAsJsonPrimitive().isString()) {
            throw error(file, name, "missing or non-string dtype");
        }
        TensorDType dtype = TensorDType.fromSafetensors(dt.getAsString());
        if (dtype == null) throw error(file, name, "unknown dtype '" + dt.getAsString() + "'");
        long[] shape = longs(file, name, "shape", o.get("shape"), -1);
        long[] offsets = longs(file, name, "data_offsets", o.get("data_offsets"), 2);
        long begin = offsets[0], end = offsets[1];
        if (begin > end) throw error(file, name, "data_offsets [" + begin + ", " + end + "] end before begin");
        if (end > dataLength) {
            throw error(file, name, "data_offsets [" + begin + ", " + end + "] run past the " + dataLength
                    + " data bytes in the file (truncated?)");
        }
        long needed;
        try {
            needed = Math.multiplyExact(product(shape), dtype.bytes());
        } catch (ArithmeticException e) {
            needed = -1;
        }
        if (needed != end - begin) {
            throw error(file, name, "shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + (needed < 0 ? "more than 2^63" : needed) + " bytes but data_offsets span " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static long product(long[] shape) {
        for (long d : shape) if (d == 0) return 0; // [0, huge, huge] is empty, not an overflow
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    private static long[] longs(Path file, String name, String field, JsonElement value, int size) {
        if (value == null || !value.isJsonArray()) throw error(file, name, field + " missing or not an array");
        JsonArray a = value.getAsJsonArray();
        if (size >= 0 && a.size() != size) throw error(file, name, field + " must have " + size + " entries: " + a);
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement v = a.get(i);
            try {
                if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) throw new ArithmeticException();
                out[i] = new BigDecimal(v.getAsString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw error(file, name, field + " must hold integers, found " + a);
            }
            if (out[i] < 0) throw error(file, name, field + " must not be negative: " + a);
        }
        return out;
    }

    /** Header bytes padded with spaces to a multiple of 8, as Hugging Face does, so the data starts aligned. */
    static byte[] encode(List<Entry> entries, Map<String, String> metadata) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (!metadata.isEmpty()) root.put(METADATA_KEY, metadata);
        for (Entry e : entries) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dtype", e.dtype.safetensorsName());
            o.put("shape", e.shape);
            o.put("data_offsets", new long[] {e.begin, e.end});
            root.put(e.name, o);
        }
        byte[] json = GSON.toJson(root).getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    static CheckpointException error(Path file, String key, String problem) {
        return new CheckpointException(file + ": key '" + key + "': " + problem);
    }
}
