package org.bert4j.pretrained;

import com.google.gson.JsonObject;
import java.util.Objects;
import org.bert4j.nn.Module;

/**
 * A fine-tuning head saved and loaded together with its backbone, in the layout of Hugging Face's task classes:
 * the backbone's weights under the family prefix ({@code bert.encoder…}, {@code bert.pooler…}), the head's under
 * its own parameter paths at the top level ({@code classifier.weight}, {@code classifier.out_proj.bias}), and the
 * keys the head adds to {@code config.json} ({@code architectures}, {@code num_labels}, {@code id2label}, ...)
 * written over the family's. The head's paths therefore must already be the checkpoint names: a head is built
 * to match its HF class, so no name table is needed and any head (a CRF, a span scorer) can be saved the same way.
 *
 * @param module the head's block tree, its parameters living in the backbone model's manager
 * @param config keys merged into config.json on save (an entry of the same name replaces the family's)
 */
public record TaskHead(Module module, JsonObject config) {

    public TaskHead {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(config, "config");
    }
}
