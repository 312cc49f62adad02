package org.bert4j.finetune.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a fine-tuning run stands after {@code step} optimiser steps: the data position (epoch, next batch in it),
 * what was trained on, the wall time, the early-stopping tracker and whether it already stopped. With the weights,
 * the optimiser moments and the EMA shadows it is everything a resumed run needs ({@code finetune_state.json} in
 * each checkpoint).
 */
public record FineTuneState(long step, int epoch, int batchInEpoch, long examples, long tokens, double elapsedSeconds,
                            EarlyStopping.State stopping, boolean stopped) {

    public static final String FILE = "finetune_state.json";

    public static FineTuneState start() {
        return new FineTuneState(0, 0, 0, 0, 0, 0, EarlyStopping.State.START, false);
    }

    public void write(Path dir) {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("epoch", epoch);
        o.addProperty("batch_in_epoch", batchInEpoch);
        o.addProperty("examples", examples);
        o.addProperty("tokens", tokens);
        o.addProperty("elapsed_s", elapsedSeconds);
        // NaN (no evaluation yet) is written as a string: JSON has no NaN.
        o.addProperty("best", Double.toString(stopping.best()));
        o.addProperty("best_step", stopping.bestStep());
        o.addProperty("evaluations_without_improvement", stopping.evaluationsWithoutImprovement());
        o.addProperty("stopped", stopped);
        try {
            Files.writeString(dir.resolve(FILE), new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static FineTuneState read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            EarlyStopping.State stopping = new EarlyStopping.State(Double.parseDouble(o.get("best").getAsString()),
                    o.get("best_step").getAsLong(), o.get("evaluations_without_improvement").getAsInt());
            return new FineTuneState(o.get("step").getAsLong(), o.get("epoch").getAsInt(), o.get("batch_in_epoch").getAsInt(),
                    o.get("examples").getAsLong(), o.get("tokens").getAsLong(), o.get("elapsed_s").getAsDouble(), stopping,
                    o.get("stopped").getAsBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the fine-tuning state: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a fine-tuning state (" + e.getMessage() + ")", e);
        }
    }
}
