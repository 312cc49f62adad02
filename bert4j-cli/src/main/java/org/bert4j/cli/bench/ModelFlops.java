package org.bert4j.cli.bench;

import java.util.regex.Pattern;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.FeedForward;
import org.bert4j.model.EncoderModel;

/**
 * Inference FLOPs per token, 2N + 4·L·d·T (design notes, "Performance is measured"; Kaplan et al. 2020): 2N for
 * the weight multiplies, 4·L·d·T for QKᵀ and weights·V. N counts the backbone's parameters without its lookup
 * tables (token, segment, position), whose "multiply" is a gather; heads are not run by the bench.
 */
public record ModelFlops(long nonEmbeddingParameters, int layers, int hidden, int intermediate, int length) {

    private static final Pattern TABLES = Pattern.compile("embeddings\\.(tokens|segments|positions)\\..*");

    public static ModelFlops of(EncoderModel model, int length) {
        long[] n = {0};
        model.encoder().forEachParameter("", (path, p) -> {
            if (!TABLES.matcher(path).matches()) n[0] += p.shape().size();
        });
        EncoderSpec spec = model.spec();
        int f = spec.feedForward() instanceof FeedForward.Dense d ? d.intermediateSize()
                : spec.feedForward() instanceof FeedForward.Gated g ? g.intermediateSize() : 4 * spec.hiddenSize();
        return new ModelFlops(n[0], spec.numLayers(), spec.hiddenSize(), f, length);
    }

    public double perToken() { return 2.0 * nonEmbeddingParameters + 4.0 * layers * hidden * (double) length; }
}
