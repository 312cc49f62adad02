package org.bert4j.train.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.jsonl lines parse and survive a resume; the loss curve is a decodable PNG with both series drawn. */
class ReportTest {

    @TempDir
    Path tmp;

    @Test
    void metricsLinesParseAndAResumeDropsLinesPastTheCheckpoint() throws IOException {
        Path file = tmp.resolve("out/metrics.jsonl");
        try (MetricsLog log = MetricsLog.create(file)) {
            for (int step = 1; step <= 6; step++) log.write(MetricsLog.TRAIN, step, Map.of("loss", 10.0 - step));
            log.write(MetricsLog.EVAL, 4, Map.of("mlm_loss", 6.5, "mlm_accuracy", 0.1));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(7, lines.size());
        assertEquals("{\"kind\":\"train\",\"step\":1,\"loss\":9.0}", lines.get(0));
        try (MetricsLog resumed = MetricsLog.resume(file, 4)) {
            assertEquals(5, resumed.records().size(), "steps 1-4 and the eval at 4");
            resumed.write(MetricsLog.TRAIN, 5, Map.of("loss", Double.NaN));
        }
        List<JsonObject> back = MetricsLog.read(file);
        assertEquals(List.of(1L, 2L, 3L, 4L, 4L, 5L), back.stream().map(r -> r.get("step").getAsLong()).toList());
        assertTrue(Double.isNaN(back.get(5).get("loss").getAsDouble()), "NaN is written, not dropped");
        Files.writeString(file, "{\"kind\":\"train\",\"step\":1}\nnot json\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsLog.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: not a metrics record"), e.getMessage());
    }

    @Test
    void lossCurveIsAPngWithBothSeriesAndTheBaseline() throws IOException {
        List<JsonObject> records = new ArrayList<>();
        records.add(record("baseline", 0, "unigram_loss", 6.0));
        for (int step = 10; step <= 200; step += 10) records.add(record("train", step, "loss", 10 * Math.exp(-step / 80.0) + 1));
        for (int step = 50; step <= 200; step += 50) records.add(record("eval", step, "mlm_loss", 8 * Math.exp(-step / 80.0) + 1.5));
        records.add(record("train", 210, "loss", Double.POSITIVE_INFINITY)); // a diverged step does not wreck the scale
        Path png = tmp.resolve(LossCurvePlot.FILE);
        LossCurvePlot.write(png, "roformer_v2-tiny", records);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(LossCurvePlot.WIDTH, image.getWidth());
        assertEquals(LossCurvePlot.HEIGHT, image.getHeight());
        assertTrue(count(image, 0x1f77b4) > 200, "train curve drawn in blue");
        assertTrue(count(image, 0xd62728) > 50, "held-out points drawn in red");
        assertTrue(count(image, 0x7f7f7f) > 100, "unigram floor drawn dashed in grey");
        assertNotEquals(0xffffff, image.getRGB(70, 240) & 0xffffff, "y axis drawn");
        assertEquals(List.of(png), Files.list(tmp).toList(), "no temporary file left");
    }

    @Test
    void lossCurveWithNothingYetStillDraws() throws IOException {
        Path png = tmp.resolve("empty.png");
        LossCurvePlot.write(png, "empty", List.of(), List.of(), Double.NaN);
        assertEquals(LossCurvePlot.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    private static JsonObject record(String kind, long step, String field, double value) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("step", step);
        o.addProperty(field, value);
        return o;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xffffff) == rgb) n++;
        return n;
    }
}
