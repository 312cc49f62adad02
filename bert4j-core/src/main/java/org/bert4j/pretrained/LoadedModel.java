package org.bert4j.pretrained;

import java.nio.file.Path;
import org.bert4j.family.Family;
import org.bert4j.model.EncoderModel;

/** A model with the recipe that reads and writes it, what loading found, and its tokenizer file (or null). */
public record LoadedModel(EncoderModel model, Family family, LoadReport report, Path tokenizer) implements AutoCloseable {
    @Override
    public void close() { model.close(); }
}
