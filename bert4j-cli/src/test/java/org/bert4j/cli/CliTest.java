package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bert4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end on real files: convert a bert4keras checkpoint, inspect it, embed with a real model. */
class CliTest {

    /** Runs a command, returning its exit code and standard output. */
    static Result run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = new CommandLine(new Main());
            cli.setErr(new java.io.PrintWriter(err, true));
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
                cmd.getErr().println(e.getMessage());
                return 1;
            });
            int code = cli.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    record Result(int code, String out, String err) {}

    @Test
    void convertsBert4kerasRoFormerV2AndInspectsIt(@TempDir Path tmp) {
        Path fixture = SharedData.fixture("roformer_v2_tiny");
        Path dst = tmp.resolve("rfv2");
        Result convert = run("convert", fixture.resolve("weights.safetensors").toString(), dst.toString(),
                "--config", fixture.resolve("config.json").toString());
        assertEquals(0, convert.code(), convert.err());
        assertTrue(Files.isRegularFile(dst.resolve("model.safetensors")));
        Result inspect = run("inspect", dst.toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("roformer_v2"), inspect.out());
        assertTrue(inspect.out().contains("roformer.encoder.layer.1.output.dense.weight"), inspect.out());
        assertTrue(inspect.out().contains("1: same structure as 0"), inspect.out());
        assertTrue(inspect.out().contains("RmsNorm(16, eps=1.0E-7, no gain)"), inspect.out());
    }

    @Test
    void embedsWithCosineSimilarityThatMakesSense() {
        Result r = run("embed", "all-minilm-l6", "A man is playing a guitar.", "Someone plays an instrument.",
                "The stock market fell sharply today.");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length);
        double[][] v = new double[3][];
        for (int i = 0; i < 3; i++) {
            var arr = com.google.gson.JsonParser.parseString(lines[i]).getAsJsonObject().getAsJsonArray("embedding");
            v[i] = arr.asList().stream().mapToDouble(e -> e.getAsDouble()).toArray();
            assertEquals(384, v[i].length);
        }
        assertTrue(dot(v[0], v[1]) > dot(v[0], v[2]) + 0.2, "related sentences are closer: " + dot(v[0], v[1]) + " vs " + dot(v[0], v[2]));
        assertEquals(1.0, dot(v[0], v[0]), 1e-4);
    }

    @Test
    void badInputNamesTheProblem(@TempDir Path tmp) {
        Result r = run("inspect", tmp.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nope") && r.err().contains("bge-small-zh"), r.err());
    }

    @Test
    void fillMaskOnAModelWithoutMlmHeadSaysSo() {
        Result r = run("fill-mask", "all-minilm-l6", "hello [MASK] world");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no MLM head") && r.err().contains("all-minilm-l6"), r.err());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
