package org.bert4j.cli.bench;

import java.util.regex.Pattern;
import org.bert4j.model.EncoderModel;

/**
 * Training FLOPs per token (design notes, "Performance is measured"; Kaplan et al. 2020): 6N + 12·L·d·T for the
 * backbone, three times inference's 2N + 4·L·d·T (forward, and backward's two products per weight), N without
 * the lookup tables (ALBERT's shared layers counted once per use). The MLM head runs at masked rows only, so it adds 6·H·(M/T) per token, H its multiply
 * parameters: the d → E transform where there is one and the E × V decoder (tied to the token table, so not
 * in N). NSP's pooler and 2-way classifier work per sequence, ≈ 3·d² / T per token, under 0.02% at BERT-base's
 * size: not counted. For GAU-α 12·L·d·T overstates its single-head score products, and for DeBERTa it leaves out
 * the c2p and p2c products (and the relative table is a lookup, not in N); the same formula is kept so the rates of
 * all families compare. Replaced-token detection counts its discriminator head in N, and its generator as a model
 * of its own trained on the same tokens.
 *
 * @param nonEmbeddingParameters N
 * @param headParameters         H, the MLM head's multiply parameters per masked row
 * @param maskedPerRow           M
 */
public record TrainingFlops(long nonEmbeddingParameters, long headParameters, int layers, int hidden, int length,
                            int maskedPerRow) {

    private static final Pattern TABLES = Pattern.compile("(embeddings\\.(tokens|segments|positions)|relative_embeddings\\.table)\\..*");

    /** From a bert4j model with an MLM head, at the bench's shape. */
    public static TrainingFlops of(EncoderModel model, TrainingShape shape) {
        long[] n = {0};
        long[] table = {0};
        // ALBERT's shared layers are registered once but run L / groups times each.
        long reuse = model.spec().numLayers() / model.spec().layerParameterSets();
        model.encoder().forEachParameter("", (path, p) -> {
            if (TABLES.matcher(path).matches()) {
                if (path.startsWith("embeddings.tokens.")) table[0] = p.shape().size();
            } else {
                boolean inLayers = !path.startsWith("embeddings.") && !path.startsWith("final_norm.");
                n[0] += p.shape().size() * (inLayers ? reuse : 1);
            }
        });
        long[] head = {0};
        if (model.mlm() != null) {
            head[0] = table[0]; // the tied decoder: V × E
            model.mlm().forEachParameter("", (path, p) -> {
                if (p.shape().dimension() >= 2) head[0] += p.shape().size();
            });
        }
        // ELECTRA's discriminator head runs at every row, like a layer.
        if (model.replacedTokenDetection() != null) model.replacedTokenDetection().forEachParameter("", (path, p) -> n[0] += p.shape().size());
        return new TrainingFlops(n[0], head[0], model.spec().numLayers(), model.spec().hiddenSize(), shape.length(),
                shape.maskedPerRow());
    }

    /**
     * A BERT encoder's count at these sizes, from its shapes: per layer the four d × d attention projections and the
     * two FFN matrices with their biases and two LayerNorms, plus the embedding LayerNorm; the MLM head's d × d
     * transform and V × d decoder. DJL's {@code BertPretrainingBlock} is this architecture.
     */
    public static TrainingFlops bert(TrainingShape s) {
        long d = s.hidden(), f = s.intermediate();
        long layer = 4 * (d * d + d) + 2 * d * f + f + d + 4 * d;
        return new TrainingFlops(s.layers() * layer + 2 * d, d * d + s.vocab() * d, s.layers(), s.hidden(),
                s.length(), s.maskedPerRow());
    }

    public double perToken() {
        return 6.0 * nonEmbeddingParameters + 12.0 * layers * hidden * (double) length
                + 6.0 * headParameters * maskedPerRow / length;
    }
}
