package org.bert4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bert4j.train.report.ProgressBar;
import org.bert4j.train.vocab.BasicTokenizer;
import org.bert4j.train.vocab.TextLineSource;
import org.bert4j.train.vocab.VocabularyBuilder;
import org.bert4j.train.vocab.WordCounts;
import org.bert4j.train.vocab.WordPieceTrainer;
import org.bert4j.train.vocab.WordPieceVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Builds a WordPiece vocabulary from a corpus: vocab.txt plus a BERT tokenizer.json. */
@Command(name = "vocab", mixinStandardHelpOptions = true,
        description = "Build a WordPiece vocabulary from a corpus (BERT's basic tokenisation, every Chinese character a "
                + "word) and write vocab.txt and a tokenizer.json that Hugging Face tokenizers load.")
final class VocabCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CORPUS",
            description = "text files (one text a line), .json/.jsonl files (one JSON object a line) or directories of them")
    List<Path> corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for vocab.txt and tokenizer.json")
    Path out;

    @Option(names = "--vocab-size", defaultValue = "30000", paramLabel = "N",
            description = "entries, the special tokens [PAD] [UNK] [CLS] [SEP] [MASK] included (default: ${DEFAULT-VALUE})")
    int vocabSize;

    @Option(names = "--min-frequency", defaultValue = "2", paramLabel = "N",
            description = "merge a pair of pieces only if it occurs at least N times (default: ${DEFAULT-VALUE})")
    long minFrequency;

    @Option(names = "--limit-alphabet", defaultValue = "0", paramLabel = "N",
            description = "keep only the N most frequent characters, the rest become [UNK] (default: 0, keep all)")
    int limitAlphabet;

    @Option(names = "--lowercase", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "lower-case and strip accents, as uncased BERT (default); --no-lowercase keeps case")
    boolean lowercase;

    @Option(names = "--field", split = ",", defaultValue = "text,sentence,content", paramLabel = "NAME",
            description = "JSON fields holding text, each a text of its own (default: ${DEFAULT-VALUE})")
    List<String> fields;

    @Override
    public Integer call() throws IOException {
        VocabularyBuilder builder = new VocabularyBuilder(new BasicTokenizer(lowercase),
                new WordPieceTrainer(vocabSize, minFrequency, limitAlphabet));
        VocabularyBuilder.Result r = builder.build(new TextLineSource(corpus, fields), out,
                ProgressBar.onStderr("counting words", 0, "texts"));
        WordCounts counts = r.counts();
        WordPieceVocabulary v = r.vocabulary();
        System.out.printf("texts:      %,d%n", counts.texts());
        System.out.printf("words:      %,d (%,d distinct, %,d over %d characters left out)%n", counts.words(),
                counts.distinctWords(), counts.overlongWords(), BasicTokenizer.MAX_WORD_CHARS);
        System.out.printf("alphabet:   %,d characters (%,d entries with ## forms and special tokens)%n", v.alphabet(), v.initial());
        System.out.printf("merges:     %,d%n", v.merges());
        System.out.printf("vocabulary: %,d entries%s%n", v.size(),
                v.size() < vocabSize ? " (no pair left occurring " + minFrequency + " times)" : "");
        System.out.println("wrote " + r.tokenizerJson().resolveSibling("vocab.txt").toAbsolutePath()
                + " and " + r.tokenizerJson().toAbsolutePath());
        return 0;
    }
}
