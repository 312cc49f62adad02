package org.bert4j.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model's {@code config.json} with typed getters whose errors name the file and the key: a family recipe reads
 * its sizes through this, so a missing or mistyped key is reported where it is.
 */
public final class HfConfig {

    private final Path origin;
    private final JsonObject json;

    public HfConfig(Path origin, JsonObject json) {
        this.origin = origin;
        this.json = json;
    }

    public static HfConfig read(Path file) {
        if (!Files.isRegularFile(file)) throw new CheckpointException(file + ": no such config file");
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            if (!e.isJsonObject()) throw new CheckpointException(file + ": config must be a JSON object");
            return new HfConfig(file, e.getAsJsonObject());
        } catch (IOException | JsonParseException e) {
            throw new CheckpointException(file + ": cannot read config: " + e.getMessage(), e);
        }
    }

    public Path origin() { return origin; }

    public JsonObject json() { return json; }

    public boolean has(String key) { return json.has(key) && !json.get(key).isJsonNull(); }

    public String requireString(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw wrong(key, "a string", e);
        return e.getAsString();
    }

    public String optString(String key, String fallback) { return has(key) ? requireString(key) : fallback; }

    public int requireInt(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw wrong(key, "an integer", e);
        double v = e.getAsDouble();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw wrong(key, "an integer", e);
        return (int) v;
    }

    public int optInt(String key, int fallback) { return has(key) ? requireInt(key) : fallback; }

    public double requireDouble(String key) {
        JsonElement e = require(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw wrong(key, "a number", e);
        return e.getAsDouble();
    }

    public double optDouble(String key, double fallback) { return has(key) ? requireDouble(key) : fallback; }

    public boolean optBoolean(String key, boolean fallback) {
        if (!has(key)) return fallback;
        JsonElement e = json.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw wrong(key, "true or false", e);
        return e.getAsBoolean();
    }

    /** An error about a key's value, in the same words as the getters' own. */
    public CheckpointException invalid(String key, String why) {
        return new CheckpointException(origin + ": key '" + key + "' " + why);
    }

    private JsonElement require(String key) {
        if (!has(key)) throw new CheckpointException(origin + ": required key '" + key + "' is missing");
        return json.get(key);
    }

    private CheckpointException wrong(String key, String expected, JsonElement got) {
        return invalid(key, "must be " + expected + ", got " + got);
    }
}
