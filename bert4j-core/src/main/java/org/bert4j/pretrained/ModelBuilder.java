package org.bert4j.pretrained;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bert4j.checkpoint.CheckpointException;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.TensorSource;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.family.Families;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;
import org.bert4j.nn.Module;

/**
 * config + tensors → model: picks the family from {@code model_type}, builds the family's default heads minus
 * those the file has no weights for (an embedding model has no MLM head), and loads every parameter.
 */
public final class ModelBuilder {

    private ModelBuilder() {}

    public static Family family(HfConfig config) {
        String type = config.requireString("model_type");
        try {
            return Families.forModelType(type);
        } catch (IllegalArgumentException e) {
            throw config.invalid("model_type", e.getMessage());
        }
    }

    /** The family's spec; a value the spec itself rejects (a size of 0) is reported against the config file too. */
    static EncoderSpec spec(Family family, HfConfig config) {
        try {
            return family.spec(config);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(config.origin() + ": " + e.getMessage(), e);
        }
    }

    /** A freshly initialised model with the family's default heads, from a config (presets, tests, pre-training). */
    public static LoadedModel create(HfConfig config, DataType type, long seed) {
        return create(config, family(config).defaultHeads(config), type, seed);
    }

    /** As above with chosen heads (an RTD generator or discriminator). */
    public static LoadedModel create(HfConfig config, HeadSpec heads, DataType type, long seed) {
        Family family = family(config);
        EncoderModel model = EncoderModel.create(spec(family, config), heads, type).initialize(seed);
        LoadReport report = new LoadReport("fresh initialisation (seed " + seed + ")", List.of(), List.of(), List.of(),
                List.of(), List.of());
        return new LoadedModel(model, family, report, null);
    }

    /** Loads with the family's HF names ({@code tf = false}) or TF names. */
    public static LoadedModel load(HfConfig config, TensorSource source, boolean tfNames, DataType type,
                                   WeightLoader.Options options, Path tokenizer) {
        return load(config, source, tfNames, type, options, tokenizer, null);
    }

    /** As above, also filling {@code taskHead} (may be null) from the keys equal to its parameter paths. */
    public static LoadedModel load(HfConfig config, TensorSource source, boolean tfNames, DataType type,
                                   WeightLoader.Options options, Path tokenizer, Module taskHead) {
        Family family = family(config);
        WeightMap map = tfNames ? family.tfNames() : family.hfNames();
        if (map == null) throw config.invalid("model_type", "'" + family.modelType() + "' has no TF checkpoint names");
        EncoderSpec spec = spec(family, config);
        List<String> absent = new ArrayList<>();
        HeadSpec heads = presentHeads(spec, family.defaultHeads(config), source, map, absent);
        EncoderModel model = EncoderModel.create(spec, heads, type);
        try {
            LoadReport report = WeightLoader.load(model, source, map, options, absent, taskHead);
            if (!report.missing().isEmpty()) model.initialize(0); // allowed missing: fresh values, reported
            return new LoadedModel(model, family, report, tokenizer);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Drops heads none of whose weights are in the file; heads without parameters (a tied decoder) stay. */
    static HeadSpec presentHeads(EncoderSpec spec, HeadSpec wanted, TensorSource source, WeightMap map, List<String> absent) {
        boolean prefixed = WeightLoader.usesPrefix(source, map);
        try (EncoderModel probe = EncoderModel.create(spec, wanted, DataType.FLOAT32)) {
            boolean mlm = hasAny(probe, "mlm.", source, map, prefixed);
            boolean pooler = wanted.pooler() && hasAny(probe, "pooler.", source, map, prefixed);
            boolean pair = wanted.sentencePair() && hasAny(probe, "sentence_pair.", source, map, prefixed);
            HeadSpec.MlmHead mlmHead = wanted.mlm();
            if (!(mlmHead instanceof HeadSpec.MlmHead.TiedDecoder) && !(mlmHead instanceof HeadSpec.MlmHead.None) && !mlm) {
                absent.add("mlm");
                mlmHead = new HeadSpec.MlmHead.None();
            }
            if (wanted.pooler() && !pooler) absent.add("pooler");
            if (wanted.sentencePair() && !pair) absent.add("sentence_pair");
            boolean rtd = wanted.hasReplacedTokenDetection() && hasAny(probe, "rtd.", source, map, prefixed);
            if (wanted.hasReplacedTokenDetection() && !rtd) absent.add("rtd");
            return new HeadSpec(mlmHead, pooler, pair, rtd ? wanted.replacedTokenDetection() : null);
        }
    }

    private static boolean hasAny(EncoderModel probe, String prefix, TensorSource source, WeightMap map, boolean prefixed) {
        return probe.namedParameters().keySet().stream()
                .filter(p -> p.startsWith(prefix))
                .map(p -> map.resolve(p, prefixed))
                .anyMatch(r -> r != null && source.names().contains(r.name()));
    }
}
