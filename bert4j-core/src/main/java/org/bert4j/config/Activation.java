package org.bert4j.config;

import java.util.Locale;

/** Feed-forward and gate activations, by their Hugging Face {@code hidden_act} names (MODELS.md section 1). */
public enum Activation {
    /** Exact erf form. */
    GELU("gelu"),
    /** Tanh approximation (ALBERT, GPT-2): HF's {@code gelu_new} and {@code gelu_pytorch_tanh}. */
    GELU_TANH("gelu_new"),
    RELU("relu"),
    /** x·sigmoid(x), also called silu. */
    SWISH("swish"),
    TANH("tanh"),
    /** No activation (linear). */
    LINEAR("linear");

    private final String hfName;

    Activation(String hfName) { this.hfName = hfName; }

    public String hfName() { return hfName; }

    /** Parses an HF {@code hidden_act} value; throws naming the value when it is not one bert4j implements. */
    public static Activation fromHf(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "gelu", "gelu_python" -> GELU;
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> GELU_TANH;
            case "relu" -> RELU;
            case "swish", "silu" -> SWISH;
            case "tanh" -> TANH;
            case "linear", "identity" -> LINEAR;
            default -> throw new IllegalArgumentException("unsupported activation '" + name
                    + "' (supported: gelu, gelu_new, relu, swish/silu, tanh, linear)");
        };
    }
}
