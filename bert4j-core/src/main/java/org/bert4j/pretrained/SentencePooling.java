package org.bert4j.pretrained;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How token states become one sentence vector. A sentence-transformers directory says which in
 * {@code 1_Pooling/config.json} (bge: CLS; all-MiniLM: mean over real tokens).
 */
public enum SentencePooling {
    CLS, MEAN;

    public static final String CONFIG = "1_Pooling/config.json";

    public static SentencePooling parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "cls" -> CLS;
            case "mean" -> MEAN;
            default -> throw new IllegalArgumentException("pooling must be cls or mean, got '" + name + "'");
        };
    }

    /** What the model directory's pooling config says; CLS when it has none. */
    public static SentencePooling of(Path modelDir) {
        Path f = modelDir.resolve(CONFIG);
        if (!Files.isRegularFile(f)) return CLS;
        try {
            JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            return o.has("pooling_mode_mean_tokens") && o.get("pooling_mode_mean_tokens").getAsBoolean() ? MEAN : CLS;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(f + ": cannot read pooling config: " + e.getMessage(), e);
        }
    }

    /** Writes the sentence-transformers pooling config for this mode into a model directory. */
    public void write(Path modelDir, int dimension) {
        JsonObject o = new JsonObject();
        o.addProperty("word_embedding_dimension", dimension);
        o.addProperty("pooling_mode_cls_token", this == CLS);
        o.addProperty("pooling_mode_mean_tokens", this == MEAN);
        o.addProperty("pooling_mode_max_tokens", false);
        o.addProperty("pooling_mode_mean_sqrt_len_tokens", false);
        try {
            Files.createDirectories(modelDir.resolve("1_Pooling"));
            Files.writeString(modelDir.resolve(CONFIG), o.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** hidden (B, T, d), mask (B, T) → (B, d), L2-normalised when asked. */
    public NDArray pool(NDArray hidden, NDArray mask, boolean normalize) {
        NDArray v;
        if (this == CLS) {
            v = hidden.get(":, 0, :");
        } else {
            NDArray m = mask.toType(hidden.getDataType(), false).expandDims(2); // (B, T, 1)
            v = hidden.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1e-9));
        }
        if (!normalize) return v;
        return v.div(v.square().sum(new int[] {1}, true).sqrt().maximum(1e-12));
    }
}
