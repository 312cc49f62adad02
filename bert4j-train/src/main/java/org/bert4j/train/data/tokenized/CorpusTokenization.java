package org.bert4j.train.data.tokenized;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bert4j.train.data.corpus.CorpusProblem;
import org.bert4j.train.data.corpus.CorpusReader;
import org.bert4j.train.data.corpus.Document;
import org.bert4j.train.report.ProgressBar;

/**
 * One pass over a corpus: read documents, tokenise each (its sentences in one native call), append them to the
 * columns, with a progress bar over the corpus bytes that shows documents, tokens and skipped lines.
 */
final class CorpusTokenization {

    private CorpusTokenization() {}

    static CorpusStats run(CorpusSettings settings, List<Path> files, String key, Path directory,
                           Consumer<CorpusProblem> problems) throws IOException {
        long[] skipped = {0};
        CorpusReader reader = new CorpusReader(files, settings.format(), problem -> {
            skipped[0]++;
            problems.accept(problem);
        });
        ProgressBar bar = ProgressBar.onStderr("tokenising", reader.totalBytes() >> 10, "KiB");
        CorpusStats stats;
        try (CorpusTokenizer tokenizer = CorpusTokenizer.load(settings.tokenizerJson(), settings.wordBoundaries().boundaries());
             TokenColumnsWriter writer = new TokenColumnsWriter(directory)) {
            DocumentBatch batch = new DocumentBatch(tokenizer, writer);
            reader.read(settings.maxDocuments(), document -> {
                batch.add(document);
                bar.update(reader.bytesRead() >> 10, detail(writer, skipped[0]));
            });
            batch.flush();
            bar.finish(detail(writer, skipped[0]));
            stats = new CorpusStats(writer.documents(), writer.sentences(), writer.tokens(), skipped[0]);
            new CorpusHeader(CorpusCacheKey.LAYOUT, key, stats.documents(), stats.sentences(), stats.tokens(),
                    stats.skippedLines(), tokenizer.specialTokens(), settings.tokenizerJson().toString(),
                    files.stream().map(Path::toString).toList(), settings.format().key() + ", words " + settings.wordBoundaries()
                    + (settings.maxDocuments() == Long.MAX_VALUE ? "" : ", first " + settings.maxDocuments() + " documents"))
                    .write(directory);
        }
        return stats;
    }

    private static String detail(TokenColumnsWriter writer, long skipped) {
        return String.format(Locale.ROOT, "%,d docs, %,d tokens, %,d skipped lines", writer.documents(), writer.tokens(), skipped);
    }

    /**
     * Documents gathered until they hold {@value #SENTENCES} sentences, then tokenised in one native call: one
     * call per document costs more in crossing into Rust than in tokenising short texts.
     */
    private static final class DocumentBatch {
        static final int SENTENCES = 1024;

        private final CorpusTokenizer tokenizer;
        private final TokenColumnsWriter writer;
        private final List<Document> documents = new ArrayList<>();
        private final List<String> sentences = new ArrayList<>();

        DocumentBatch(CorpusTokenizer tokenizer, TokenColumnsWriter writer) {
            this.tokenizer = tokenizer;
            this.writer = writer;
        }

        void add(Document document) {
            documents.add(document);
            sentences.addAll(document.sentences());
            if (sentences.size() >= SENTENCES) flush();
        }

        void flush() {
            if (documents.isEmpty()) return;
            List<TokenizedText> tokenized;
            try {
                tokenized = tokenizer.tokenize(sentences);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot tokenise the documents " + documents.get(0).origin() + " to "
                        + documents.get(documents.size() - 1).origin() + ": " + e.getMessage(), e);
            }
            int next = 0;
            for (Document document : documents) {
                int count = document.sentences().size();
                try {
                    writer.addDocument(tokenized.subList(next, next + count));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the tokenised corpus at " + document.origin(), e);
                }
                next += count;
            }
            documents.clear();
            sentences.clear();
        }
    }
}
