package org.bert4j.train.vocab;

import java.io.IOException;
import java.nio.file.Path;
import org.bert4j.train.report.ProgressBar;

/**
 * {@code bert4j vocab}'s work: count the words of a corpus, train WordPiece on the counts, write {@code vocab.txt}
 * and {@code tokenizer.json}. The lower-casing of {@code tokenizer} goes into the written tokenizer, so training
 * and use see the same words.
 */
public record VocabularyBuilder(BasicTokenizer tokenizer, WordPieceTrainer trainer) {

    public record Result(WordCounts counts, WordPieceVocabulary vocabulary, Path tokenizerJson) {}

    public Result build(TextLineSource corpus, Path directory, ProgressBar progress) throws IOException {
        WordCounts counts = new WordCounts(tokenizer);
        corpus.forEachText(text -> {
            counts.add(text);
            progress.update(counts.texts(), counts.distinctWords() + " distinct words");
        });
        progress.finish(counts.distinctWords() + " distinct words");
        WordPieceVocabulary vocabulary = trainer.train(counts.counts());
        return new Result(counts, vocabulary, vocabulary.write(directory, tokenizer.lowercase()));
    }
}
