package org.bert4j.pretrained;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.WeightMap;

/**
 * Rebuilds a BERT-layout config.json from the tensor shapes of a file that came without one (an ONNX export, a
 * TF bundle): V, d, L, f, positions and segments are in the shapes; the head count is not, so the caller gives it.
 */
public final class ShapeInference {

    private ShapeInference() {}

    public static HfConfig bertConfig(TensorSource source, WeightMap map, String modelType, int heads, double layerNormEps) {
        boolean prefixed = WeightLoader.usesPrefix(source, map);
        long[] tokens = shape(source, map, "encoder.embeddings.tokens.weight", prefixed);
        long[] ffn = shape(source, map, "encoder.layers.0.ffn.input.weight", prefixed); // [f, d] in HF layout
        int layers = 0;
        while (has(source, map, "encoder.layers." + layers + ".attention.query.weight", prefixed)) layers++;
        JsonObject c = new JsonObject();
        c.addProperty("model_type", modelType);
        c.addProperty("vocab_size", tokens[0]);
        c.addProperty("hidden_size", tokens[1]);
        c.addProperty("num_hidden_layers", layers);
        c.addProperty("num_attention_heads", heads);
        c.addProperty("intermediate_size", map.resolve("encoder.layers.0.ffn.input.weight", prefixed).transpose() ? ffn[1] : ffn[0]);
        c.addProperty("hidden_act", "gelu");
        c.addProperty("layer_norm_eps", layerNormEps);
        if (has(source, map, "encoder.embeddings.positions.weight", prefixed)) {
            c.addProperty("max_position_embeddings", shape(source, map, "encoder.embeddings.positions.weight", prefixed)[0]);
        }
        c.addProperty("type_vocab_size", has(source, map, "encoder.embeddings.segments.weight", prefixed)
                ? shape(source, map, "encoder.embeddings.segments.weight", prefixed)[0] : 0);
        return new HfConfig(Path.of(source.origin() + " (config inferred from tensor shapes)"), c);
    }

    private static boolean has(TensorSource s, WeightMap map, String path, boolean prefixed) {
        return s.names().contains(map.resolve(path, prefixed).name());
    }

    private static long[] shape(TensorSource s, WeightMap map, String path, boolean prefixed) {
        String name = map.resolve(path, prefixed).name();
        if (!s.names().contains(name)) throw new CheckpointException(s.origin() + ": no tensor '" + name + "' to infer the config from");
        return s.get(name).shape();
    }
}
