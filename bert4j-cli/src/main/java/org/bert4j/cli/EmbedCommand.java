package org.bert4j.cli;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.SentencePooling;
import org.bert4j.tokenization.TextTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sentence embeddings: one JSON line per text. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Print a sentence embedding per text as a JSON line (pooling from the model's 1_Pooling/config.json, "
                + "else the [CLS] state; L2-normalised unless --no-normalize).")
final class EmbedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = ModelArgument.HELP)
    String model;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*", description = "texts to embed")
    List<String> texts;

    @Option(names = "--pooling", description = "cls or mean (default: as the model directory says, else cls)")
    String pooling;

    @Option(names = "--no-normalize", negatable = false, description = "keep the raw pooled vector")
    boolean raw;

    @Override
    public Integer call() {
        Path dir = ModelArgument.directory(model);
        try (LoadedModel m = HfDirectory.load(dir);
             TextTokenizer tok = TextTokenizer.load(ModelArgument.requireTokenizer(m, model), 512);
             NDManager scope = NDManager.newBaseManager()) {
            SentencePooling mode = pooling != null ? SentencePooling.parse(pooling) : SentencePooling.of(dir);
            List<Encoding> enc = texts.stream().map(tok::encode).toList();
            TextTokenizer.Batch b = TextTokenizer.pad(scope, enc, m.model().spec().padTokenId());
            NDArray hidden = m.model().encode(b.inputIds(), b.tokenTypeIds(), b.attentionMask(), false).last();
            NDArray vectors = mode.pool(hidden, b.attentionMask(), !raw); // (B, d)
            for (int i = 0; i < texts.size(); i++) {
                float[] v = vectors.get(i).toFloatArray();
                StringBuilder sb = new StringBuilder("{\"text\": ").append(Json.quote(texts.get(i))).append(", \"embedding\": [");
                for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", v[k]));
                System.out.println(sb.append("]}"));
            }
        }
        return 0;
    }
}
