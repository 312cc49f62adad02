package org.bert4j.train.data.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the documents of a corpus, file after file ({@link CorpusFiles}), holding one line (and for
 * {@link CorpusFormat.BlankLineSeparated} one document) in memory. Unreadable lines go to the problem listener
 * with file and line and are skipped; blank lines are not data and are passed over silently; an I/O failure
 * (file vanished, disk error) ends the read with an exception naming the file.
 */
public final class CorpusReader {

    private final List<Path> files;
    private final CorpusFormat format;
    private final Consumer<CorpusProblem> problems;
    private long bytesRead;

    public CorpusReader(List<Path> inputs, CorpusFormat format, Consumer<CorpusProblem> problems) {
        this.files = CorpusFiles.expand(inputs);
        this.format = format;
        this.problems = problems;
    }

    public List<Path> files() { return files; }

    public long totalBytes() {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read the file size", e);
            }
        }
        return total;
    }

    /** Bytes of the corpus consumed so far (for a progress bar over {@link #totalBytes()}). */
    public long bytesRead() { return bytesRead; }

    /**
     * Delivers documents in order until the corpus ends or {@code maxDocuments} have been delivered.
     *
     * @return the number delivered
     */
    public long read(long maxDocuments, Consumer<Document> sink) {
        bytesRead = 0;
        DocumentCounter counter = new DocumentCounter(maxDocuments, sink);
        for (Path file : files) {
            if (counter.full()) break;
            try {
                readFile(file, format.forFile(file), counter);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read the corpus file", e);
            }
        }
        return counter.delivered;
    }

    private void readFile(Path file, CorpusFormat fileFormat, DocumentCounter out) throws IOException {
        long before = bytesRead;
        try (Utf8LineReader lines = new Utf8LineReader(Files.newInputStream(file))) {
            List<String> paragraph = new ArrayList<>();
            long paragraphLine = 0;
            while (!out.full() && lines.next()) {
                bytesRead = before + lines.bytesRead();
                long number = lines.lineNumber();
                try {
                    String text = lines.text();
                    if (fileFormat instanceof CorpusFormat.BlankLineSeparated) {
                        if (!text.isBlank()) {
                            if (paragraph.isEmpty()) paragraphLine = number;
                            paragraph.add(text.strip());
                        } else if (!paragraph.isEmpty()) {
                            out.accept(new Document(paragraph, file + ":" + paragraphLine));
                            paragraph.clear();
                        }
                    } else if (!text.isBlank()) {
                        String document = fileFormat instanceof CorpusFormat.JsonLines json
                                ? JsonTextField.extract(text, json.textFields()) : text;
                        List<String> sentences = SentenceSplitter.split(document);
                        if (!sentences.isEmpty()) out.accept(new Document(sentences, file + ":" + number));
                    }
                } catch (UnreadableLine e) {
                    problems.accept(new CorpusProblem(file, number, e.getMessage()));
                }
            }
            if (!paragraph.isEmpty() && !out.full()) out.accept(new Document(paragraph, file + ":" + paragraphLine));
            bytesRead = before + lines.bytesRead();
        }
    }

    /** Counts deliveries and says when the limit is reached. */
    private static final class DocumentCounter implements Consumer<Document> {
        private final long max;
        private final Consumer<Document> sink;
        private long delivered;

        DocumentCounter(long max, Consumer<Document> sink) {
            this.max = max;
            this.sink = sink;
        }

        boolean full() { return delivered >= max; }

        @Override
        public void accept(Document d) {
            delivered++;
            sink.accept(d);
        }
    }
}
