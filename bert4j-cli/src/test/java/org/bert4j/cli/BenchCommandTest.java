package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bert4j.pretrained.OfflineModels;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench} end to end on a tiny batch of bge-small-zh (4 layers; its ONNX export is the peer): the table
 * has positive figures for both engines and the ratio as its last line, the format scripts read. The figures
 * themselves are the machine's business, not the test's.
 */
class BenchCommandTest {

    private static final Pattern RATIO = Pattern.compile("ratio vs onnxruntime: (\\d+\\.\\d\\d)x");

    @Test
    void tableEndsWithTheRatioToOnnxRuntime() {
        List<String> lines = run("bge-small-zh", "--batch", "2", "--length", "16", "--warmup", "1",
                "--iterations", "2");
        String last = lines.get(lines.size() - 1);
        Matcher m = RATIO.matcher(last);
        assertTrue(m.matches(), "last line: " + last);
        assertTrue(Double.parseDouble(m.group(1)) > 0, last);
        for (String engine : List.of("bert4j", "onnxruntime")) {
            String row = lines.stream().filter(l -> l.startsWith(engine + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + engine + " in\n" + String.join("\n", lines)));
            String[] f = row.trim().split("\\s+"); // engine tokens/s ms/batch GFLOP/s of-roof heap RSS pass
            for (int i : new int[] {1, 2, 3, 5, 6}) {
                assertTrue(Double.parseDouble(f[i]) > 0, engine + " column " + i + ": " + row);
            }
        }
        String ceiling = lines.stream().filter(l -> l.trim().startsWith("ceiling")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(ceiling.trim().split("\\s+")[2]) > 0, ceiling);
    }

    @Test
    void modelDirectoryWithoutOnnxSaysSoOnTheLastLine() {
        String dir = OfflineModels.resolve("bge-small-zh").toString(); // the converted HF directory: no model.onnx
        List<String> lines = run(dir, "--batch", "1", "--length", "8", "--warmup", "1", "--iterations", "1");
        assertTrue(lines.get(lines.size() - 1).startsWith("ratio vs onnxruntime: n/a"), lines.get(lines.size() - 1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bert4j ")), String.join("\n", lines));
    }

    private static final Pattern DJL_RATIO = Pattern.compile("ratio vs djl: (\\d+\\.\\d\\d)x");

    /**
     * {@code bench --train} on a tiny shape with two bert4j families and DJL's block: a row per engine with
     * positive figures, each engine's loss falling over the steps on its one batch (so each really trains), the
     * family-to-family ratio, and the ratio to DJL as the last line.
     */
    @Test
    void trainingTableEndsWithTheRatioToDjl() {
        List<String> lines = run("--train", "--family", "roformer_v2,bert", "--layers", "2", "--hidden", "32",
                "--heads", "2", "--vocab", "500", "--batch", "2", "--length", "16", "--warmup", "2", "--iterations", "3");
        String last = lines.get(lines.size() - 1);
        Matcher m = DJL_RATIO.matcher(last);
        assertTrue(m.matches(), "last line: " + last);
        assertTrue(Double.parseDouble(m.group(1)) > 0, last);
        assertRowsTrain(lines, "bert4j roformer_v2", "bert4j bert", "djl");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ratio bert4j roformer_v2 vs bert4j bert: ")), String.join("\n", lines));
    }

    /** Positive figures in each engine's row, and its loss falling over the steps on its one batch. */
    private static void assertRowsTrain(List<String> lines, String... engines) {
        for (String engine : engines) {
            String row = lines.stream().filter(l -> l.startsWith(engine + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + engine + " in\n" + String.join("\n", lines)));
            String[] f = row.substring(engine.length()).trim().split("\\s+");
            // tokens/s ms/step MFLOP/tok GFLOP/s of-roof heap RSS step first → last
            for (int i : new int[] {0, 1, 2, 3, 6}) assertTrue(Double.parseDouble(f[i]) > 0, engine + " column " + i + ": " + row);
            assertTrue(Double.parseDouble(f[10]) < Double.parseDouble(f[8]), engine + ": loss did not fall: " + row);
        }
    }

    /** ELECTRA and DeBERTaV3 train by replaced-token detection as their presets do, or by MLM alone when asked. */
    @Test
    void rtdFamiliesTakeGeneratorAndDiscriminatorSteps() {
        String[] shape = {"--layers", "2", "--hidden", "32", "--heads", "2", "--vocab", "500", "--batch", "2",
                "--length", "16", "--warmup", "2", "--iterations", "3"};
        List<String> rtd = run(concat(new String[] {"--train", "--family", "deberta_v3,electra"}, shape));
        assertRowsTrain(rtd, "bert4j deberta_v3 rtd", "bert4j electra rtd", "djl");
        List<String> mlm = run(concat(new String[] {"--train", "--mlm-only", "--family", "deberta_v3"}, shape));
        assertRowsTrain(mlm, "bert4j deberta_v3 mlm", "djl");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void trainingRejectsAModelArgumentAndAnUnknownFamily() {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("--train", "bge-small-zh"));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--train", "--family", "gpt2"));
        assertTrue(err.toString().contains("--family gpt2: expected one of"), err.toString());
    }

    private static List<String> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        System.out.print(out);
        assertEquals(0, code, "exit code; stderr:\n" + err);
        return out.toString().lines().toList();
    }
}
