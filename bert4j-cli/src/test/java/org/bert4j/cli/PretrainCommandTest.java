package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.tokenization.WordPieceTokenizerJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bert4j pretrain} end to end on a tiny English corpus: outputs named, errors named, resume. */
class PretrainCommandTest {

    @TempDir
    Path tmp;

    private static final List<String> WORDS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "dog",
            "sat", "on", "mat", "a", "is", "was", "big", "small", "red", "blue", "and", "of", ".", "ran", "saw", "it");

    private List<String> args(String... extra) throws IOException {
        Path vocab = tmp.resolve("vocab.txt");
        Files.write(vocab, WORDS);
        Path tokenizer = tmp.resolve("tokenizer.json");
        if (!Files.exists(tokenizer)) WordPieceTokenizerJson.fromVocab(vocab, true, tokenizer);
        Path corpus = tmp.resolve("corpus.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) lines.add("the " + WORDS.get(6 + i % 3) + " sat on the " + WORDS.get(14 + i % 4) + " mat . it ran .");
        if (!Files.exists(corpus)) Files.write(corpus, lines); // rewriting would change its time and the cache key
        Path config = tmp.resolve("config.json");
        Files.writeString(config, """
                {"model_type": "bert", "vocab_size": 24, "hidden_size": 16, "num_hidden_layers": 1,
                 "num_attention_heads": 2, "intermediate_size": 32, "max_position_embeddings": 32}
                """);
        List<String> a = new ArrayList<>(List.of("pretrain", "--model", config.toString(), "--tokenizer", tokenizer.toString(),
                "--corpus", corpus.toString(), "--out", tmp.resolve("out").toString(), "--set", "inputs.max_length=16",
                "--set", "train.batch_size=4", "--set", "checkpoint.every=2", "--set", "eval.fraction=0.1"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void pretrainsPrintsWhereEverythingWentAndResumes() throws IOException {
        CliTest.Result r = CliTest.run(args("--set", "train.steps=4").toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        Path out = tmp.resolve("out");
        assertTrue(r.out().contains("checkpoint:  " + out.resolve("checkpoints/step-000004")), r.out());
        assertTrue(r.out().contains("metrics:     " + out.resolve("metrics.jsonl")), r.out());
        assertTrue(r.out().contains("loss curve:  " + out.resolve("loss.png")), r.out());
        assertTrue(Files.isRegularFile(out.resolve("loss.png")) && Files.isRegularFile(out.resolve("run.json")));

        CliTest.Result again = CliTest.run(args("--set", "train.steps=6").toArray(String[]::new));
        assertEquals(1, again.code());
        assertTrue(again.err().contains("--resume"), again.err());
        CliTest.Result resumed = CliTest.run(args("--set", "train.steps=6", "--resume").toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming") && resumed.out().contains("step-000006"), resumed.out());
        assertTrue(resumed.out().contains("(cached in "), "the resumed run reuses the tokenised corpus: " + resumed.out());
    }

    @Test
    void badSettingsAreNamed() throws IOException {
        Path run = tmp.resolve("run.yaml");
        Files.writeString(run, "optimizer:\n  name: adamw\n  learning_rate: 1e-3\n");
        CliTest.Result r = CliTest.run(args("--run", run.toString()).toArray(String[]::new));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(run + ":3: unknown key 'optimizer.learning_rate'"), r.err());
        CliTest.Result preset = CliTest.run("pretrain", "--preset", "roformer_v3-tiny", "--corpus", "x", "--out", "y");
        assertEquals(1, preset.code());
        assertTrue(preset.err().contains("unknown preset 'roformer_v3-tiny'") && preset.err().contains("roformer_v2-tiny"), preset.err());
        CliTest.Result both = CliTest.run("pretrain", "--preset", "bert-tiny", "--model", "x");
        assertEquals(2, both.code(), "picocli rejects --preset with --model");
        CliTest.Result list = CliTest.run("pretrain", "--list-settings");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("optimizer.bias_correction") && list.out().contains("output.dir"), list.out());
    }
}
