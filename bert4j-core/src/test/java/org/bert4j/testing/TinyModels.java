package org.bert4j.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bert4j.checkpoint.HfConfig;

/**
 * Tiny HF configs for every family (V = 60, d = 16, L = 2, h = 2, f = 32; GAU key size 8; ALBERT E = 8), dropout
 * off so forward passes are deterministic, and padded batches for them.
 */
public final class TinyModels {

    public static final int VOCAB = 60;
    public static final int HIDDEN = 16;

    /** Every variant the family tests run over; {@code _bias} and {@code _factorised} are config variants. */
    public static final List<String> VARIANTS = List.of("bert", "roberta", "albert", "roformer", "roformer_factorised",
            "roformer_v2", "roformer_v2_bias", "roformer_v2_factorised", "gau_alpha", "gau_alpha_bias",
            "electra", "electra_generator", "deberta_v3", "deberta_v3_emd", "deberta_v3_rtd", "deberta_v2_unshared");

    private TinyModels() {}

    /** The config.json of a variant (a fresh object each call, so tests may edit it). */
    public static JsonObject config(String variant) {
        JsonObject o = new JsonObject();
        String type = variant.replace("_bias", "").replace("_factorised", "").replace("_generator", "");
        if (type.startsWith("deberta")) type = "deberta-v2";
        o.addProperty("model_type", type);
        o.addProperty("vocab_size", VOCAB);
        o.addProperty("hidden_size", HIDDEN);
        o.addProperty("num_hidden_layers", 2);
        o.addProperty("num_attention_heads", 2);
        o.addProperty("intermediate_size", 32);
        o.addProperty("type_vocab_size", 2);
        o.addProperty("max_position_embeddings", 40);
        o.addProperty("hidden_dropout_prob", 0.0);
        o.addProperty("attention_probs_dropout_prob", 0.0);
        switch (type) {
            case "roberta" -> {
                o.addProperty("type_vocab_size", 1);
                o.addProperty("pad_token_id", 1);
                o.addProperty("max_position_embeddings", 42);
            }
            case "albert" -> {
                o.addProperty("embedding_size", 8);
                o.addProperty("num_hidden_groups", 1);
                o.addProperty("hidden_act", "gelu_new");
            }
            case "roformer" -> {
                if (variant.endsWith("_factorised")) o.addProperty("embedding_size", 8);
            }
            case "roformer_v2" -> {
                o.addProperty("hidden_act", "relu");
                o.addProperty("use_bias", variant.endsWith("_bias"));
                if (variant.endsWith("_factorised")) o.addProperty("embedding_size", 8);
            }
            case "gau_alpha" -> {
                o.addProperty("num_attention_heads", 1);
                o.addProperty("intermediate_size", 24);
                o.addProperty("attention_key_size", 8);
                o.addProperty("hidden_act", "swish");
                o.addProperty("use_bias", variant.endsWith("_bias"));
            }
            case "electra" -> {
                o.addProperty("embedding_size", 8);
                if (variant.endsWith("_generator")) {
                    JsonArray architectures = new JsonArray();
                    architectures.add("ElectraForMaskedLM");
                    o.add("architectures", architectures);
                }
            }
            case "deberta-v2" -> {
                o.addProperty("relative_attention", true);
                JsonArray terms = new JsonArray();
                terms.add("p2c");
                terms.add("c2p");
                o.add("pos_att_type", terms);
                if (variant.startsWith("deberta_v3")) {
                    o.addProperty("enhanced_mask_decoder", variant.endsWith("_emd"));
                    if (variant.endsWith("_rtd")) {
                        JsonArray architectures = new JsonArray();
                        architectures.add("DebertaV2ForReplacedTokenDetection"); // a DeBERTaV3 RTD discriminator
                        o.add("architectures", architectures);
                    }
                    // v3's shape, small: log buckets (8, so positions 5+ apart share buckets), shared keys, normed table.
                    o.addProperty("position_buckets", 8);
                    o.addProperty("max_relative_positions", 16);
                    o.addProperty("share_att_key", true);
                    o.addProperty("norm_rel_ebd", "layer_norm");
                    o.addProperty("position_biased_input", false);
                    o.addProperty("type_vocab_size", 0);
                } else {
                    // v2 with its other switches: plain offsets clamped at ±6, own position projections, factorised input.
                    o.addProperty("max_relative_positions", 6);
                    o.addProperty("share_att_key", false);
                    o.addProperty("position_biased_input", true);
                    o.addProperty("embedding_size", 8);
                }
            }
            default -> { }
        }
        return o;
    }

    public static HfConfig hf(JsonObject json) {
        return new HfConfig(Path.of("test-config.json"), json);
    }

    public static HfConfig hf(String variant) {
        return hf(config(variant));
    }

    /** A padded batch: ids (B, T), token types (B, T), mask (B, T), all int64. */
    public record Batch(NDArray ids, NDArray types, NDArray mask, long[] lengths, int length) {}

    /**
     * Random real tokens (ids ≥ 3, never the pad id), the pad id after each sequence's length, segment 1 on the
     * second half of the real tokens when the config has two segment types.
     */
    public static Batch batch(NDManager manager, JsonObject config, long[] lengths, int length, long seed) {
        int pad = config.has("pad_token_id") ? config.get("pad_token_id").getAsInt() : 0;
        boolean twoTypes = !config.has("type_vocab_size") || config.get("type_vocab_size").getAsInt() > 1;
        Random random = new Random(seed);
        long[][] ids = new long[lengths.length][length];
        long[][] types = new long[lengths.length][length];
        long[][] mask = new long[lengths.length][length];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < length; t++) {
                boolean real = t < lengths[b];
                ids[b][t] = real ? 3 + random.nextInt(VOCAB - 3) : pad;
                types[b][t] = real && twoTypes && t >= lengths[b] / 2 ? 1 : 0;
                mask[b][t] = real ? 1 : 0;
            }
        }
        return new Batch(manager.create(ids), manager.create(types), manager.create(mask), lengths, length);
    }

    /** The rows of sequence {@code b} of a (B, T, ...) array as a copy of its values, real positions only. */
    public static double[] realRows(NDArray states, int b, long length) {
        return states.get(b + ", :" + length).toType(DataType.FLOAT64, false).toDoubleArray();
    }

    /** A fixed random array (values in [−1, 1)) of the given shape and type. */
    public static NDArray randomWeights(NDManager manager, DataType type, long seed, long... shape) {
        Random random = new Random(seed);
        long n = 1;
        for (long s : shape) n *= s;
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) v[i] = 2 * random.nextDouble() - 1;
        return manager.create(v, new ai.djl.ndarray.types.Shape(shape)).toType(type, false);
    }
}
