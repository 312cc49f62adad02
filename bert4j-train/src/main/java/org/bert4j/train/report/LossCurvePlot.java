package org.bert4j.train.report;

import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The loss curve as a PNG (training loss and held-out MLM loss against the optimiser step), drawn with
 * java.awt in headless mode so it works on servers without a display and needs no plotting library.
 */
public final class LossCurvePlot {

    public static final String FILE = "loss.png";
    public static final int WIDTH = 800;
    public static final int HEIGHT = 480;

    private static final int LEFT = 70, RIGHT = 20, TOP = 40, BOTTOM = 50, TICKS = 5;
    private static final Color TRAIN = new Color(31, 119, 180);
    private static final Color EVAL = new Color(214, 39, 40);
    private static final Color FLOOR = new Color(127, 127, 127);

    /** One (step, value) point of a series. */
    public record Point(long step, double value) {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private LossCurvePlot() {}

    /**
     * The curve of a run's metrics records: {@code loss} of train records, {@code mlm_loss} of eval records, and
     * the unigram baseline's {@code unigram_loss} as a dashed floor when the run has one.
     */
    public static void write(Path file, String title, List<JsonObject> records) {
        List<Point> baseline = series(records, MetricsLog.BASELINE, "unigram_loss");
        write(file, title, series(records, MetricsLog.TRAIN, "loss"), series(records, MetricsLog.EVAL, "mlm_loss"),
                baseline.isEmpty() ? Double.NaN : baseline.get(0).value());
    }

    static List<Point> series(List<JsonObject> records, String kind, String field) {
        return records.stream()
                .filter(r -> r.get("kind").getAsString().equals(kind) && r.has(field))
                .map(r -> new Point(r.get("step").getAsLong(), r.get(field).getAsDouble()))
                .toList();
    }

    /**
     * Draws both series (either may be empty) and the {@code floor} (NaN for none), and writes the PNG atomically
     * (temporary file, then rename).
     */
    public static void write(Path file, String title, List<Point> train, List<Point> eval, double floor) {
        BufferedImage image = draw(title, train, eval, floor);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write loss curve: " + e.getMessage(), e);
        }
    }

    static BufferedImage draw(String title, List<Point> train, List<Point> eval, double floor) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            List<Point> all = new ArrayList<>(finite(train));
            all.addAll(finite(eval));
            if (Double.isFinite(floor) && !all.isEmpty()) all.add(new Point(all.get(0).step(), floor));
            Axes axes = Axes.around(all);
            drawAxes(g, axes);
            drawSeries(g, axes, finite(train), TRAIN, false);
            drawSeries(g, axes, finite(eval), EVAL, true);
            g.setColor(Color.BLACK);
            g.drawString(title, LEFT, TOP - 20);
            legend(g, "train loss", TRAIN, 0);
            legend(g, "held-out MLM loss", EVAL, 1);
            if (Double.isFinite(floor) && !all.isEmpty()) {
                g.setColor(FLOOR);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
                g.drawLine(LEFT, axes.y(floor), WIDTH - RIGHT, axes.y(floor));
                legend(g, "unigram baseline", FLOOR, 2);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The data ranges, padded so a flat series still gets a visible band. */
    private record Axes(double minStep, double maxStep, double minValue, double maxValue) {
        static Axes around(List<Point> points) {
            double s0 = points.stream().mapToDouble(Point::step).min().orElse(0);
            double s1 = points.stream().mapToDouble(Point::step).max().orElse(1);
            double v0 = points.stream().mapToDouble(Point::value).min().orElse(0);
            double v1 = points.stream().mapToDouble(Point::value).max().orElse(1);
            if (s1 <= s0) s1 = s0 + 1;
            double pad = v1 > v0 ? 0.05 * (v1 - v0) : Math.max(1e-3, Math.abs(v0) * 0.05);
            return new Axes(s0, s1, v0 - pad, v1 + pad);
        }

        int x(double step) { return LEFT + (int) Math.round((step - minStep) / (maxStep - minStep) * (WIDTH - LEFT - RIGHT)); }

        int y(double value) { return HEIGHT - BOTTOM - (int) Math.round((value - minValue) / (maxValue - minValue) * (HEIGHT - TOP - BOTTOM)); }
    }

    private static void drawAxes(Graphics2D g, Axes a) {
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        for (int i = 0; i <= TICKS; i++) {
            double step = a.minStep + (a.maxStep - a.minStep) * i / TICKS;
            int x = a.x(step);
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4);
            String label = Long.toString(Math.round(step));
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
            double value = a.minValue + (a.maxValue - a.minValue) * i / TICKS;
            int y = a.y(value);
            g.drawLine(LEFT - 4, y, LEFT, y);
            String v = String.format(Locale.ROOT, "%.3g", value);
            g.drawString(v, LEFT - 8 - g.getFontMetrics().stringWidth(v), y + 4);
        }
        g.drawString("step", (LEFT + WIDTH - RIGHT) / 2 - 12, HEIGHT - 12);
        g.rotate(-Math.PI / 2);
        g.drawString("loss", -(TOP + HEIGHT - BOTTOM) / 2 - 12, 16);
        g.rotate(Math.PI / 2);
    }

    private static void drawSeries(Graphics2D g, Axes a, List<Point> points, Color color, boolean markers) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 1; i < points.size(); i++) {
            g.drawLine(a.x(points.get(i - 1).step()), a.y(points.get(i - 1).value()),
                    a.x(points.get(i).step()), a.y(points.get(i).value()));
        }
        if (markers || points.size() == 1) for (Point p : points) g.fillOval(a.x(p.step()) - 3, a.y(p.value()) - 3, 7, 7);
    }

    private static void legend(Graphics2D g, String label, Color color, int row) {
        int x = WIDTH - RIGHT - 170, y = TOP + 8 + row * 18;
        g.setColor(color);
        g.fillRect(x, y - 8, 14, 8);
        g.setColor(Color.BLACK);
        g.drawString(label, x + 20, y);
    }

    /** A diverged step (NaN, ∞) would squash the scale to nothing; it stays in metrics.jsonl, not on the plot. */
    private static List<Point> finite(List<Point> points) {
        return points.stream().filter(p -> Double.isFinite(p.value())).toList();
    }
}
