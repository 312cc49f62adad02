package org.bert4j.cli;

import java.nio.file.Path;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.OfflineModels;

/** A MODEL argument: a Hugging Face directory or the short name of an offline model. */
final class ModelArgument {

    static final String HELP = "a model directory (config.json + model.safetensors + tokenizer.json) or an offline "
            + "model: bge-small-zh, all-minilm-l6, bge-small-en, bert-base-uncased";

    private ModelArgument() {}

    static Path directory(String model) {
        return OfflineModels.resolve(model);
    }

    static LoadedModel load(String model) {
        return HfDirectory.load(directory(model));
    }

    static Path requireTokenizer(LoadedModel m, String model) {
        if (m.tokenizer() == null) throw new IllegalArgumentException(model + ": no tokenizer.json in the model directory");
        return m.tokenizer();
    }
}
