package org.bert4j.train.data.tokenized;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bert4j.train.data.SpecialTokens;

/**
 * {@code header.json} of a tokenised corpus: layout version, cache key, counts, the special-token ids of the
 * tokenizer it was made with, and for people reading it, the tokenizer, input files and settings.
 */
record CorpusHeader(String layout, String key, long documents, long sentences, long tokens, long skippedLines,
                    SpecialTokens specialTokens, String tokenizer, List<String> files, String settings) {

    static final String FILE = "header.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    CorpusStats stats() { return new CorpusStats(documents, sentences, tokens, skippedLines); }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE), GSON.toJson(this), StandardCharsets.UTF_8);
    }

    static CorpusHeader read(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            CorpusHeader h = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), CorpusHeader.class);
            if (h == null || h.layout() == null || h.specialTokens() == null) throw new JsonParseException("fields missing");
            if (!CorpusCacheKey.LAYOUT.equals(h.layout())) {
                throw new IllegalStateException(file + ": layout " + h.layout() + ", this version reads " + CorpusCacheKey.LAYOUT);
            }
            return h;
        } catch (IOException | JsonParseException e) {
            throw new IllegalStateException(file + ": unreadable tokenised-corpus header (" + e.getMessage()
                    + "); delete " + directory + " to tokenise again", e);
        }
    }
}
