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
