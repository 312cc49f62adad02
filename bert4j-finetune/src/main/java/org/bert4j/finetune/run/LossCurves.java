package org.bert4j.finetune.run;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.train.report.LossCurvePlot;
import org.bert4j.train.report.MetricsLog;

/** The run's {@code loss.png}: training loss per metrics line and dev loss per evaluation, against the step. */
final class LossCurves {

    private LossCurves() {}

    static void write(Path png, String title, List<JsonObject> records) {
        LossCurvePlot.write(png, title, series(records, MetricsLog.TRAIN), series(records, MetricsLog.EVAL), Double.NaN);
    }

    private static List<LossCurvePlot.Point> series(List<JsonObject> records, String kind) {
        return records.stream()
                .filter(r -> r.get("kind").getAsString().equals(kind) && r.has("loss") && r.get("loss").isJsonPrimitive())
                .map(r -> new LossCurvePlot.Point(r.get("step").getAsLong(), r.get("loss").getAsDouble()))
                .toList();
    }
}
