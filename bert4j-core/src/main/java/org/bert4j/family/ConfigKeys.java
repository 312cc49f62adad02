package org.bert4j.family;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.config.Activation;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.FeedForward;
import org.bert4j.config.Initialization;
import org.bert4j.config.Normalization;
import org.bert4j.config.PositionEncoding;
import org.bert4j.config.TokenMixer;

/** The config.json vocabulary the BERT-derived families share (HF names: d is hidden_size, f intermediate_size). */
final class ConfigKeys {

    private ConfigKeys() {}

    static Activation activation(HfConfig c, String fallback) {
        return activation(c, "hidden_act", fallback);
    }

    static Activation activation(HfConfig c, String key, String fallback) {
        String name = c.optString(key, fallback);
        try {
            return Activation.fromHf(name);
        } catch (IllegalArgumentException e) {
            throw c.invalid(key, e.getMessage());
        }
    }

    /** Whether config.json's {@code architectures} names this class (it tells a family's models apart). */
    static boolean architectureIs(HfConfig c, String architecture) {
        if (!c.has("architectures") || !c.json().get("architectures").isJsonArray()) return false;
        for (JsonElement e : c.json().getAsJsonArray("architectures")) {
            if (e.isJsonPrimitive() && e.getAsString().equals(architecture)) return true;
        }
        return false;
    }

    static int heads(HfConfig c) {
        int h = c.requireInt("num_attention_heads");
        int d = c.requireInt("hidden_size");
        if (h <= 0 || d % h != 0) throw c.invalid("num_attention_heads", "(" + h + ") must divide hidden_size " + d);
        return h;
    }

    static double dropout(HfConfig c, String key, double fallback) {
        double p = c.optDouble(key, fallback);
        if (p < 0 || p >= 1) throw c.invalid(key, "must be in [0, 1), got " + p);
        return p;
    }

    /**
     * HF's rule for a sequence head's dropout in BERT, RoBERTa and the classes modelled on them:
     * {@code classifier_dropout} when set (not null), else {@code hidden_dropout_prob}.
     */
    static double classifierDropout(HfConfig c) {
        return c.has("classifier_dropout") ? dropout(c, "classifier_dropout", 0.1) : dropout(c, "hidden_dropout_prob", 0.1);
    }

    /** Writes the keys every BERT-like config.json has. */
    static JsonObject common(String modelType, String architecture, EncoderSpec s) {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray arch = new com.google.gson.JsonArray();
        arch.add(architecture);
        o.add("architectures", arch);
        o.addProperty("model_type", modelType);
        o.addProperty("vocab_size", s.vocabSize());
        o.addProperty("hidden_size", s.hiddenSize());
        o.addProperty("num_hidden_layers", s.numLayers());
        if (s.mixer() instanceof TokenMixer.MultiHeadAttention m) o.addProperty("num_attention_heads", m.numHeads());
        if (s.feedForward() instanceof FeedForward.Dense f) {
            o.addProperty("intermediate_size", f.intermediateSize());
            o.addProperty("hidden_act", f.activation().hfName());
        }
        o.addProperty("type_vocab_size", s.typeVocabSize());
        if (s.position() instanceof PositionEncoding.Absolute a) o.addProperty("max_position_embeddings", a.maxPositions());
        o.addProperty("hidden_dropout_prob", s.hiddenDropout());
        o.addProperty("attention_probs_dropout_prob", s.attentionDropout());
        o.addProperty("pad_token_id", s.padTokenId());
        if (s.normalization() instanceof Normalization.LayerNorm ln) o.addProperty("layer_norm_eps", ln.eps());
        if (s.initialization() instanceof Initialization.TruncatedNormal t) o.addProperty("initializer_range", t.std());
        return o;
    }
}
