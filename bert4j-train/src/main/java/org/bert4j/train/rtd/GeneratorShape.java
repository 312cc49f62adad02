package org.bert4j.train.rtd;

import com.google.gson.JsonObject;

/**
 * The generator's size relative to its discriminator's config: ELECTRA keeps the depth and takes about a quarter of
 * the width (a third for base), DeBERTaV3 keeps the width and takes half the depth. Heads and the FFN scale with the
 * width; the embedding width stays the discriminator's so the tables can be shared (a narrower generator then
 * projects them, as ELECTRA's {@code embeddings_project} does).
 *
 * @param widthFraction hidden size, heads and FFN width as a fraction of the discriminator's
 * @param depthFraction layers as a fraction of the discriminator's
 */
public record GeneratorShape(double widthFraction, double depthFraction) {

    public GeneratorShape {
        if (!(widthFraction > 0 && widthFraction <= 1)) throw new IllegalArgumentException("generator.width_fraction must be in (0, 1], got " + widthFraction);
        if (!(depthFraction > 0 && depthFraction <= 1)) throw new IllegalArgumentException("generator.depth_fraction must be in (0, 1], got " + depthFraction);
    }

    /** The generator's config.json from the discriminator's. */
    public JsonObject generatorConfig(JsonObject discriminator) {
        JsonObject g = discriminator.deepCopy();
        int hidden = discriminator.get("hidden_size").getAsInt();
        int heads = discriminator.get("num_attention_heads").getAsInt();
        int generatorHidden = (int) Math.round(hidden * widthFraction);
        int generatorHeads = Math.max(1, (int) Math.round(heads * widthFraction));
        if (generatorHidden < 1 || generatorHidden % generatorHeads != 0) {
            throw new IllegalArgumentException("generator.width_fraction " + widthFraction + " gives hidden size " + generatorHidden
                    + " and " + generatorHeads + " heads, which do not divide it");
        }
        g.addProperty("hidden_size", generatorHidden);
        g.addProperty("num_attention_heads", generatorHeads);
        g.addProperty("intermediate_size", Math.max(1, (int) Math.round(discriminator.get("intermediate_size").getAsInt() * widthFraction)));
        g.addProperty("num_hidden_layers", Math.max(1, (int) Math.round(discriminator.get("num_hidden_layers").getAsInt() * depthFraction)));
        g.addProperty("embedding_size", discriminator.has("embedding_size") ? discriminator.get("embedding_size").getAsInt() : hidden);
        g.remove("architectures");
        return g;
    }
}
