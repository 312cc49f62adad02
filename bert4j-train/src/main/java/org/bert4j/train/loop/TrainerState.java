package org.bert4j.train.loop;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run stands after {@code step} optimiser steps: the data position (epoch, next micro-batch in it), the
 * real tokens trained on and the wall time so far. With the weights and the optimiser state it is all a
 * resumed run needs; {@code trainer_state.json} in each checkpoint.
 */
public record TrainerState(long step, int epoch, int batchInEpoch, long tokens, long seed, double elapsedSeconds) {

    public static final String FILE = "trainer_state.json";

    public static TrainerState start(long seed) {
        return new TrainerState(0, 0, 0, 0, seed, 0);
    }

    public void write(Path dir) {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("epoch", epoch);
        o.addProperty("batch_in_epoch", batchInEpoch);
        o.addProperty("tokens", tokens);
        o.addProperty("seed", seed);
        o.addProperty("elapsed_s", elapsedSeconds);
        try {
            Files.writeString(dir.resolve(FILE), new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static TrainerState read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return new TrainerState(o.get("step").getAsLong(), o.get("epoch").getAsInt(), o.get("batch_in_epoch").getAsInt(),
                    o.get("tokens").getAsLong(), o.get("seed").getAsLong(), o.get("elapsed_s").getAsDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read trainer state: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a trainer state (" + e.getMessage() + ")", e);
        }
    }
}
