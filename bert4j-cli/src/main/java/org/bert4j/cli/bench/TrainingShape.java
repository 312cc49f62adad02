package org.bert4j.cli.bench;

import com.google.gson.JsonObject;
import java.util.List;
import org.bert4j.train.run.Presets;

/**
 * The sizes {@code bench --train} builds every model at: L layers of width d with h heads and an FFN of f, a
 * vocabulary of V, batches of B × T real tokens of which {@code maskedPerRow} per row are predicted (15%, as
 * BERT). bert4j's model of a family is its {@code FAMILY-base} preset with these sizes; DJL's peer is a
 * {@code BertPretrainingBlock} with the same L, d, h, f, V.
 */
public record TrainingShape(int layers, int hidden, int heads, int intermediate, int vocab, int batch, int length) {

    /** The families {@code bench --train} can build (each has a {@code -base} preset). */
    public static final List<String> FAMILIES = List.of("bert", "roberta", "albert", "roformer_v2", "gau_alpha", "electra",
            "deberta_v3");

    public TrainingShape {
        if (layers <= 0 || hidden <= 0 || heads <= 0 || intermediate <= 0 || vocab <= 0 || batch <= 0 || length <= 1) {
            throw new IllegalArgumentException("--layers, --hidden, --heads, --intermediate, --vocab, --batch must be "
                    + "> 0 and --length > 1");
        }
        if (hidden % heads != 0) throw new IllegalArgumentException("--hidden " + hidden + " is not a multiple of --heads " + heads);
    }

    /** 15% of the positions after [CLS], at least one: what BERT's masking predicts per sequence. */
    public int maskedPerRow() { return Math.max(1, Math.round(0.15f * (length - 1))); }

    public long tokens() { return (long) batch * length; }

    /**
     * A family's HF config at these sizes: its base preset with layers, width, heads, FFN and vocabulary replaced.
     * GAU-α has no heads (one shared single-head attention per layer, MODELS.md): its head count stays the
     * preset's, and its expansion e keeps the preset's ratio e/d = 2 unless f is given.
     */
    public JsonObject config(String family, boolean intermediateGiven) {
        if (!FAMILIES.contains(family)) {
            throw new IllegalArgumentException("--family " + family + ": expected one of " + String.join(", ", FAMILIES));
        }
        JsonObject c = Presets.find(family + "-base").orElseThrow().config().deepCopy();
        int presetWidth = c.get("hidden_size").getAsInt();
        int presetFfn = c.get("intermediate_size").getAsInt();
        c.addProperty("num_hidden_layers", layers);
        c.addProperty("hidden_size", hidden);
        // ELECTRA-base's table is as wide as its layers: keep it so (a narrower one is a different model).
        if (c.has("embedding_size") && c.get("embedding_size").getAsInt() == presetWidth) c.addProperty("embedding_size", hidden);
        if (!family.equals("gau_alpha")) c.addProperty("num_attention_heads", heads);
        c.addProperty("intermediate_size", intermediateGiven || !family.equals("gau_alpha")
                ? intermediate : (int) ((long) presetFfn * hidden / presetWidth));
        c.addProperty("vocab_size", vocab);
        c.addProperty("pad_token_id", 0);
        // RoBERTa numbers positions from pad_token_id + 1: T positions need T + 2 rows.
        c.addProperty("max_position_embeddings", Math.max(c.get("max_position_embeddings").getAsInt(), length + 2));
        return c;
    }
}
