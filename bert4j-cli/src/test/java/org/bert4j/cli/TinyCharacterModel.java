package org.bert4j.cli;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.tokenization.WordPieceTokenizerJson;

/**
 * A tiny random BERT whose WordPiece vocabulary is BERT's five special tokens plus the given characters (blanks
 * left out), saved as an HF directory with its tokenizer.json: what the CLI's fine-tuning tests train on slices of
 * real data in seconds.
 */
final class TinyCharacterModel {

    private TinyCharacterModel() {}

    /** Writes vocab.txt, tokenizer.json and the model directory {@code tiny-bert} under {@code dir}; returns the model. */
    static Path write(Path dir, Collection<String> characters) throws IOException {
        TreeSet<String> chars = new TreeSet<>(characters);
        chars.removeIf(String::isBlank);
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        vocab.addAll(chars);
        Path vocabFile = dir.resolve("vocab.txt");
        Files.write(vocabFile, vocab);
        Path tokenizer = dir.resolve("tokenizer.json");
        WordPieceTokenizerJson.fromVocab(vocabFile, true, tokenizer);
        JsonObject config = TinyModels.config("bert");
        config.addProperty("vocab_size", vocab.size());
        Path model = dir.resolve("tiny-bert");
        try (LoadedModel m = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT32, 3)) {
            HfDirectory.save(m.model(), m.family(), model, tokenizer);
        }
        return model;
    }
}
