package org.bert4j.cli.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bert4j.checkpoint.AtomicFiles;

/**
 * The quickstart's labelled files: a seeded shuffle of the corpus, the first {@code trainSize} mails to
 * {@code train-N-seedS.tsv} and the next {@code devSize} to {@code dev-M-seedS.tsv} ({@code text<TAB>label} with a
 * header). The sizes and seed are in the names, so a rerun with other sizes never resumes a run trained on other
 * data: resuming checks the file names a run was started with.
 *
 * @param train the training file
 * @param dev   the dev file
 * @param devMails the dev mails, for the examples the quickstart predicts
 */
public record QuickstartData(Path train, Path dev, List<SpamAssassinCorpus.Mail> devMails) {

    public static QuickstartData write(List<SpamAssassinCorpus.Mail> corpus, int trainSize, int devSize, long seed, Path dir) {
        if (trainSize < 1 || devSize < 1) throw new IllegalArgumentException("train and dev sizes must be positive");
        if (trainSize + devSize > corpus.size()) {
            throw new IllegalArgumentException("train size " + trainSize + " + dev size " + devSize + " exceeds the corpus's "
                    + corpus.size() + " mails");
        }
        List<SpamAssassinCorpus.Mail> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(seed));
        List<SpamAssassinCorpus.Mail> train = shuffled.subList(0, trainSize);
        List<SpamAssassinCorpus.Mail> dev = shuffled.subList(trainSize, trainSize + devSize);
        Path trainFile = dir.resolve("train-" + trainSize + "-seed" + seed + ".tsv");
        Path devFile = dir.resolve("dev-" + devSize + "-seed" + seed + ".tsv");
        writeTsv(train, trainFile);
        writeTsv(dev, devFile);
        return new QuickstartData(trainFile, devFile, List.copyOf(dev));
    }

    /** Written beside and renamed, so a file that exists is whole. Texts hold no tab or line break (whitespace is collapsed). */
    private static void writeTsv(List<SpamAssassinCorpus.Mail> mails, Path file) {
        List<String> lines = new ArrayList<>(mails.size() + 1);
        lines.add("text\tlabel");
        for (SpamAssassinCorpus.Mail m : mails) lines.add(m.text().replaceAll("\\s", " ") + "\t" + m.label());
        try {
            AtomicFiles.writeLines(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
