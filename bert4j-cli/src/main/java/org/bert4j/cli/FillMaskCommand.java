package org.bert4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bert4j.pretrained.FillMask;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.tokenization.TextTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The MLM head's guesses for each [MASK]: a readable list, or JSON lines with --json. */
@Command(name = "fill-mask", mixinStandardHelpOptions = true,
        description = "Predict the tokens hidden behind [MASK] in a text with the model's MLM head.")
final class FillMaskCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = ModelArgument.HELP)
    String model;

    @Parameters(index = "1", paramLabel = "TEXT", description = "text with one or more [MASK] tokens")
    String text;

    @Option(names = "--top", defaultValue = "5", description = "predictions per mask (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "one JSON line per mask")
    boolean json;

    @Override
    public Integer call() {
        try (LoadedModel m = ModelArgument.load(model);
             TextTokenizer tok = TextTokenizer.load(ModelArgument.requireTokenizer(m, model), 512)) {
            List<FillMask.Mask> masks = FillMask.predict(m, tok, text, top);
            for (int i = 0; i < masks.size(); i++) {
                FillMask.Mask mask = masks.get(i);
                if (json) {
                    StringBuilder sb = new StringBuilder("{\"mask\": ").append(i).append(", \"position\": ")
                            .append(mask.position()).append(", \"predictions\": [");
                    for (int k = 0; k < mask.predictions().size(); k++) {
                        FillMask.Prediction p = mask.predictions().get(k);
                        sb.append(k == 0 ? "" : ", ").append("{\"token\": ").append(Json.quote(p.token()))
                                .append(", \"id\": ").append(p.id())
                                .append(String.format(Locale.ROOT, ", \"probability\": %.6f}", p.probability()));
                    }
                    System.out.println(sb.append("]}"));
                } else {
                    System.out.println("[MASK] #" + (i + 1) + " (token " + mask.position() + "):");
                    for (FillMask.Prediction p : mask.predictions()) {
                        System.out.printf(Locale.ROOT, "  %-16s %.4f%n", p.token(), p.probability());
                    }
                }
            }
        }
        return 0;
    }
}
