package org.bert4j.train.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bert4j.train.data.BatchPlanner;
import org.bert4j.train.data.HeldOutSplit;
import org.bert4j.train.data.SequenceSource;
import org.bert4j.train.data.SpecialTokens;
import org.bert4j.train.data.UnigramBaseline;
import org.bert4j.train.data.corpus.CorpusFormat;
import org.bert4j.train.data.corpus.CorpusProblem;
import org.bert4j.train.data.sequence.PackedSequences;
import org.bert4j.train.data.sequence.PackingMode;
import org.bert4j.train.data.sequence.PairTask;
import org.bert4j.train.data.sequence.SentencePairSequences;
import org.bert4j.train.data.tokenized.CorpusSettings;
import org.bert4j.train.data.tokenized.TokenizedCorpus;
import org.bert4j.train.data.tokenized.WordBoundaryMode;
import org.bert4j.train.loop.BatchPlans;

/**
 * A run's sequences: the corpus tokenised (or found in the cache), its documents split into training and held-out
 * ones (whole documents, so no held-out text leaks into training through a shared sequence), each side packed as
 * {@code inputs.packing} says, and the training side's bucketed batch plan per epoch.
 *
 * @param heldOut  null when {@code eval.fraction} is 0
 * @param baseline the context-free unigram floor on the held-out documents (null without them), to judge the run by
 */
record RunData(SpecialTokens specialTokens, SequenceSource train, SequenceSource heldOut, BatchPlans plans,
               UnigramBaseline baseline) {

    private static final int PROBLEMS_SHOWN = 10;

    static RunData build(PretrainingConfig config, Path tokenizer, PrintStream log) {
        PretrainingConfig.Corpus c = config.corpus();
        String field = c.field();
        CorpusFormat format = CorpusFormat.named(c.format().replace('_', '-'),
                field.isEmpty() ? List.of() : List.of(field.split("\\s*,\\s*")));
        // Word starts matter only to whole-word, n-gram and span masking; token masking spares the jieba pass.
        WordBoundaryMode words = config.masking().strategy().equals("token") ? WordBoundaryMode.WORD_PIECE : WordBoundaryMode.AUTO;
        CorpusSettings settings = new CorpusSettings(c.paths(), format, tokenizer, words,
                c.maxDocuments() == 0 ? Long.MAX_VALUE : c.maxDocuments());
        int[] problems = {0};
        TokenizedCorpus corpus = TokenizedCorpus.open(settings, c.cacheDir(), (CorpusProblem p) -> {
            if (problems[0]++ < PROBLEMS_SHOWN) log.println("skipped " + p);
        });
        if (problems[0] > PROBLEMS_SHOWN) log.println("skipped " + problems[0] + " unreadable lines in all");
        log.printf(Locale.ROOT, "corpus: %,d documents, %,d tokens (%s)%n", corpus.documents(), corpus.tokens(),
                corpus.fromCache() ? "cached in " + corpus.directory() : "tokenised into " + corpus.directory());
        long seed = config.train().seed();
        HeldOutSplit split = HeldOutSplit.of(corpus.documents(), config.eval().fraction(), seed);
        SequenceSource train = sequences(config, corpus, split.train());
        // NSP draws its random B from another document: a held-out side of one document cannot make pairs.
        int needed = config.inputs().packing().equals("nsp") ? 2 : 1;
        SequenceSource heldOut = split.heldOut().length < needed ? null : sequences(config, corpus, split.heldOut());
        log.printf(Locale.ROOT, "sequences: %,d for training, %,d held out (%s, at most %d tokens)%n", train.size(),
                heldOut == null ? 0 : heldOut.size(), config.inputs().packing(), config.inputs().maxLength());
        if (train.size() == 0) throw new IllegalArgumentException(c.paths() + ": no training sequences in the corpus");
        BatchPlanner planner = new BatchPlanner(config.train().batchSize());
        BatchPlans plans = epoch -> planner.plan(train, seed, epoch).batches();
        UnigramBaseline baseline = split.heldOut().length == 0 ? null
                : UnigramBaseline.of(corpus, split.train(), split.heldOut(), corpus.specialTokens().vocabSize());
        if (baseline != null) log.println(baseline);
        return new RunData(corpus.specialTokens(), train, heldOut, plans, baseline);
    }

    private static SequenceSource sequences(PretrainingConfig config, TokenizedCorpus corpus, int[] documents) {
        int max = config.inputs().maxLength();
        long seed = config.train().seed();
        return switch (config.inputs().packing()) {
            case "full_sentences" -> PackedSequences.pack(corpus, documents, PackingMode.FULL_SENTENCES, max);
            case "doc_sentences" -> PackedSequences.pack(corpus, documents, PackingMode.DOC_SENTENCES, max);
            case "nsp" -> SentencePairSequences.of(corpus, documents, PairTask.NSP, max, 0.1, seed);
            case "sop" -> SentencePairSequences.of(corpus, documents, PairTask.SOP, max, 0.1, seed);
            default -> throw new IllegalStateException("packing " + config.inputs().packing());
        };
    }
}
