package org.bert4j.train.vocab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.checkpoint.AtomicFiles;
import org.bert4j.tokenization.WordPieceTokenizerJson;

/**
 * A trained WordPiece vocabulary, id = index.
 *
 * @param alphabet   characters kept
 * @param initial    entries before the first merge: special tokens, characters and their {@code ##} forms
 * @param merges     merges done (each adds at most one entry: a merge can rebuild an existing piece)
 */
public record WordPieceVocabulary(List<String> tokens, int alphabet, int initial, int merges) {

    public WordPieceVocabulary {
        tokens = List.copyOf(tokens);
    }

    public int size() { return tokens.size(); }

    @Override
    public String toString() {
        return "WordPieceVocabulary[size=" + size() + ", alphabet=" + alphabet + ", initial=" + initial + ", merges=" + merges + "]";
    }

    /**
     * Writes {@code vocab.txt} (one token a line, id = line − 1) and the BERT {@code tokenizer.json} built from it,
     * each to a temporary name first and then renamed, so a crash leaves the old files or the new ones.
     *
     * @param lowercase the normaliser lower-cases and strips accents: must match the {@link BasicTokenizer} the
     *                  words were counted with
     * @return the {@code tokenizer.json}
     */
    public Path write(Path directory, boolean lowercase) throws IOException {
        Files.createDirectories(directory);
        Path vocabTxt = directory.resolve("vocab.txt");
        AtomicFiles.writeLines(vocabTxt, tokens);
        Path tokenizerJson = directory.resolve("tokenizer.json");
        WordPieceTokenizerJson.fromVocab(vocabTxt, lowercase, tokenizerJson);
        return tokenizerJson;
    }
}
