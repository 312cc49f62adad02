package org.bert4j.family;

import com.google.gson.JsonObject;
import org.bert4j.checkpoint.HfConfig;
import org.bert4j.checkpoint.WeightMap;
import org.bert4j.config.EncoderSpec;
import org.bert4j.config.HeadSpec;
import org.bert4j.config.SequenceClassifierSpec;

/**
 * A model family's recipe: its delta from BERT as an {@link EncoderSpec}, HF {@code config.json} ↔ spec, the
 * weight-name tables and the default heads. One small file per family; the math lives in the blocks.
 */
public interface Family {

    /** HF {@code model_type} (ours for RoFormerV2 and GAU-α: {@code roformer_v2}, {@code gau_alpha}). */
    String modelType();

    /** One line: what the family is and how it differs from BERT. */
    String summary();

    EncoderSpec spec(HfConfig config);

    HeadSpec defaultHeads(HfConfig config);

    /** The generator of replaced-token detection (ELECTRA, DeBERTaV3): the family's MLM head alone. */
    default HeadSpec generatorHeads(HfConfig config) {
        return new HeadSpec(defaultHeads(config).mlm(), false, false);
    }

    /** The discriminator of replaced-token detection: a per-token replaced/original head; only some families have one. */
    default HeadSpec discriminatorHeads(HfConfig config) {
        throw new IllegalArgumentException("model_type '" + modelType() + "' has no replaced-token-detection model "
                + "(electra and deberta-v2 have)");
    }

    /** The config.json HF (or bert4j, for our own model types) would write for this spec. */
    JsonObject config(EncoderSpec spec, HeadSpec heads);

    /** HF safetensors names. */
    WeightMap hfNames();

    /** Google / bert4keras TF checkpoint names, or null when the family has no TF checkpoints. */
    WeightMap tfNames();

    /** The HF class that holds these heads, for {@code architectures} in config.json. */
    String architecture(HeadSpec heads);

    /**
     * The sequence classification / regression head this family's HF {@code *ForSequenceClassification} class
     * uses (ours where HF has none), its dropout read from {@code config} as that class reads it.
     */
    SequenceClassifierSpec sequenceClassifier(HfConfig config);
}
