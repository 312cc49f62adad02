package org.bert4j.finetune;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.bert4j.pretrained.HfDirectory;
import org.bert4j.pretrained.LoadedModel;
import org.bert4j.pretrained.ModelBuilder;
import org.bert4j.testing.TinyModels;
import org.bert4j.tokenization.WordPieceTokenizerJson;

/**
 * Tiny "pre-trained" models for fine-tuning tests: a {@link TinyModels} config of any family, randomly
 * initialised and saved as an HF directory with a word-level tokenizer of {@link TinyModels#VOCAB} entries (five
 * BERT specials and words {@code w00}…{@code w54}), and texts made of those words.
 */
public final class TinyTaskModels {

    public static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private TinyTaskModels() {}

    public static List<String> vocabulary() {
        List<String> v = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = 0; v.size() < TinyModels.VOCAB; i++) v.add(String.format("w%02d", i));
        return v;
    }

    /** A random model of {@code variant} saved under {@code dir}, with its tokenizer.json. */
    public static Path pretrained(Path dir, String variant, long seed) {
        return pretrained(dir, TinyModels.config(variant), seed);
    }

    public static Path pretrained(Path dir, JsonObject config, long seed) {
        return save(dir, vocabulary(), config, seed);
    }

    /**
     * A random model of {@code variant} whose vocabulary is the five BERT specials plus every character of
     * {@code texts} (blanks left out): Chinese read one character a token, as BERT's Chinese vocabularies read it.
     */
    public static Path characterModel(Path dir, Collection<String> texts, String variant, long seed) {
        return characterModel(dir, texts, TinyModels.config(variant), seed);
    }

    /** As above with a config of one's own ({@code vocab_size} is set here). */
    public static Path characterModel(Path dir, Collection<String> texts, JsonObject config, long seed) {
        TreeSet<String> chars = new TreeSet<>();
        texts.forEach(t -> t.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> chars.add(Character.toString(c))));
        List<String> vocab = new ArrayList<>(vocabulary().subList(0, 5));
        vocab.addAll(chars);
        config = config.deepCopy();
        config.addProperty("vocab_size", vocab.size());
        return save(dir, vocab, config, seed);
    }

    private static Path save(Path dir, List<String> vocabulary, JsonObject config, long seed) {
        try {
            Files.createDirectories(dir.getParent());
            Path vocab = dir.getParent().resolve(dir.getFileName() + "-vocab.txt");
            Files.write(vocab, vocabulary);
            Path tokenizer = dir.getParent().resolve(dir.getFileName() + "-tokenizer.json");
            WordPieceTokenizerJson.fromVocab(vocab, true, tokenizer);
            try (LoadedModel m = ModelBuilder.create(TinyModels.hf(config), DataType.FLOAT32, seed)) {
                HfDirectory.save(m.model(), m.family(), dir, tokenizer);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #characterModel(Path, Collection, String, long)} of a tiny BERT. */
    public static Path characterModel(Path dir, Collection<String> texts, long seed) {
        return characterModel(dir, texts, "bert", seed);
    }

    /** A text of 2 to 6 random words. */
    public static String text(Random random) {
        int n = 2 + random.nextInt(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append(String.format("w%02d", random.nextInt(55)));
        return sb.toString();
    }
}
