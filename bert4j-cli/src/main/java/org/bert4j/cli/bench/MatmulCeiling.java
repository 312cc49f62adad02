package org.bert4j.cli.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;

/**
 * What the engine's float32 GEMM reaches on this machine, the roof the model's FLOP rate is judged against: a
 * square 1024³ matmul plus the model's own projections at the benchmark batch, (B·T)×d·d×d (attention),
 * (B·T)×d·d×f and (B·T)×f·f×d (FFN), each through {@code torch.linear} with a bias, as {@code Linear} calls it.
 */
public final class MatmulCeiling {

    /** One shape's median rate. */
    public record Shape3(String label, long m, long k, long n, Samples seconds) {
        public double gflops() { return 2.0 * m * k * n / seconds.median() / 1e9; }
    }

    /** Per-shape results; {@link #ceiling} is the best median among them. */
    public record Result(List<Shape3> shapes) {
        public double ceiling() { return shapes.stream().mapToDouble(Shape3::gflops).max().orElse(0); }

        /**
         * Shape by shape, the faster of two measurements of the same shapes. The roof is measured before and after
         * the passes: a neighbour's load during one of them would otherwise lower the roof and flatter the model.
         */
        public Result best(Result other) {
            List<Shape3> out = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                Shape3 a = shapes.get(i), b = other.shapes.get(i);
                out.add(a.gflops() >= b.gflops() ? a : b);
            }
            return new Result(out);
        }
    }

    private MatmulCeiling() {}

    /** @param rows B·T, the rows every projection of one batch multiplies */
    public static Result measure(long rows, long hidden, long intermediate, int repetitions) {
        List<Shape3> out = new ArrayList<>();
        out.add(time("1024×1024 · 1024×1024", 1024, 1024, 1024, repetitions));
        out.add(time(label(rows, hidden, hidden), rows, hidden, hidden, repetitions));
        out.add(time(label(rows, hidden, intermediate), rows, hidden, intermediate, repetitions));
        out.add(time(label(rows, intermediate, hidden), rows, intermediate, hidden, repetitions));
        return new Result(out);
    }

    /** The table of shapes and the ceiling, as both benches print it. */
    public static void print(PrintWriter out, Result roof) {
        out.println("float32 matmul through torch.linear, median of " + roof.shapes().get(0).seconds().count()
                + " (better of before/after the passes)   GFLOP/s");
        for (Shape3 s : roof.shapes()) out.printf(Locale.ROOT, "  %-36s %8.1f%n", s.label(), s.gflops());
        out.printf(Locale.ROOT, "  %-36s %8.1f%n", "ceiling (best)", roof.ceiling());
    }

    private static String label(long m, long k, long n) { return m + "×" + k + " · " + k + "×" + n; }

    /** x (m, k) · Wᵀ with W (n, k) + b (n): the same kernel path as the model's projections. */
    private static Shape3 time(String label, long m, long k, long n, int repetitions) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(0, 1, new Shape(m, k), DataType.FLOAT32);
            NDArray w = manager.randomNormal(0, 0.02f, new Shape(n, k), DataType.FLOAT32);
            NDArray b = manager.zeros(new Shape(n), DataType.FLOAT32);
            double[] seconds = new double[repetitions];
            for (int r = -1; r < repetitions; r++) { // r = -1 warms the kernel and the allocator
                long start = System.nanoTime();
                try (NDArray y = x.getNDArrayInternal().linear(x, w, b).singletonOrThrow()) { // (m, n)
                    if (r >= 0) seconds[r] = (System.nanoTime() - start) / 1e9;
                }
            }
            return new Shape3(label, m, k, n, new Samples(seconds));
        }
    }
}
