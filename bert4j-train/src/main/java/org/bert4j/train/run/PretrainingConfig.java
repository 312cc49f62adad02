package org.bert4j.train.run;

import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import org.bert4j.train.rtd.EmbeddingSharing;
import org.bert4j.train.rtd.GeneratorShape;

/**
 * A pre-training run's settings, typed and checked. Built from {@link RunValues} (defaults, preset, run file,
 * overrides); {@link #values} keeps the raw layers for {@code run.json} and for comparing with a checkpoint on
 * resume.
 */
public record PretrainingConfig(String model, Path tokenizer, Corpus corpus, Inputs inputs, Masking masking,
                                ObjectiveWeights objective, Generator generator, OptimizerSettings optimizer, Schedule schedule,
                                Training train, Evaluation eval, Checkpointing checkpoint, Path outputDir,
                                RunValues values) {

    /** @param format auto, lines, blank_lines or jsonl; @param field empty for the reader's default; @param maxDocuments 0 = all */
    public record Corpus(List<Path> paths, String format, String field, int maxDocuments, Path cacheDir) {}

    /** @param packing full_sentences, doc_sentences, nsp or sop */
    public record Inputs(String packing, int maxLength) {
        public boolean pairs() { return packing.equals("nsp") || packing.equals("sop"); }
    }

    public record Masking(String strategy, double rate, double maskFraction, double randomFraction) {}

    /**
     * @param kind mlm (with NSP/SOP when the packing makes pairs) or rtd (replaced-token detection)
     * @param rtd  λ in L_MLM + λ·L_RTD
     */
    public record ObjectiveWeights(String kind, double mlm, double pair, double rtd) {
        public boolean replacedTokenDetection() { return kind.equals("rtd"); }

        /** The {@code objective.*} keys (also read from a preset's defaults by {@code bench --train}). */
        public static ObjectiveWeights from(RunValues v) {
            return new ObjectiveWeights(v.choice("objective.kind"), v.number("objective.mlm_weight", 0, 1e6),
                    v.number("objective.pair_weight", 0, 1e6), v.number("objective.rtd_weight", 0, 1e6));
        }
    }

    /** The RTD generator: its size relative to the model, its sampling temperature, how embeddings are shared. */
    public record Generator(double widthFraction, double depthFraction, double temperature, String embeddingSharing) {

        /** The {@code generator.*} keys (also read from a preset's defaults by {@code bench --train}). */
        public static Generator from(RunValues v) {
            return new Generator(v.number("generator.width_fraction", 1e-6, 1), v.number("generator.depth_fraction", 1e-6, 1),
                    v.number("generator.temperature", 1e-6, 1e6), v.choice("generator.embedding_sharing"));
        }

        public GeneratorShape shape() { return new GeneratorShape(widthFraction, depthFraction); }

        public EmbeddingSharing sharing() { return EmbeddingSharing.of(embeddingSharing); }
    }

    /** @param name adamw or lamb */
    public record OptimizerSettings(String name, double lr, double weightDecay, double beta1, double beta2, double eps,
                                    boolean biasCorrection) {}

    /** @param kind constant, linear, cosine or piecewise; @param points piecewise {step: multiplier} */
    public record Schedule(String kind, long warmupSteps, NavigableMap<Long, Double> points) {}

    /**
     * @param clipNorm 0 = off; @param residualWarmupSteps 0 = α is 1 throughout; @param threads 0 = per core
     * @param maxMinutes wall-clock budget over all sessions of the run (0 = none): training ends after the first
     *                   step past it, with the usual final evaluation and checkpoint
     */
    public record Training(long steps, int batchSize, int accumulation, double clipNorm, long residualWarmupSteps,
                           long seed, int threads, long logEvery, double maxMinutes) {}

    /** @param every 0 = only at the end; @param maxBatches 0 = the whole held-out set */
    public record Evaluation(double fraction, long every, int maxBatches) {}

    public record Checkpointing(long every, int keep) {}

    public static PretrainingConfig from(RunValues v) {
        Path out = Path.of(v.text("output.dir"));
        String cache = v.text("corpus.cache_dir");
        List<Path> paths = v.list("corpus.paths").stream().map(Path::of).toList();
        if (paths.isEmpty()) throw v.invalid("corpus.paths", "must name at least one corpus file");
        String tokenizer = v.text("tokenizer");
        Masking masking = new Masking(v.choice("masking.strategy"), v.number("masking.rate", 0, 1),
                v.number("masking.mask_fraction", 0, 1), v.number("masking.random_fraction", 0, 1));
        if (masking.maskFraction() + masking.randomFraction() > 1 + 1e-9) {
            throw v.invalid("masking.random_fraction", "plus masking.mask_fraction must not exceed 1");
        }
        Schedule schedule = new Schedule(v.choice("schedule.kind"), v.integer("schedule.warmup_steps", 0),
                v.points("schedule.points"));
        if (schedule.kind().equals("piecewise") && schedule.points().isEmpty()) {
            throw v.invalid("schedule.points", "must give {step: multiplier} points for schedule.kind piecewise");
        }
        return new PretrainingConfig(
                v.text("model"),
                tokenizer.isEmpty() ? null : Path.of(tokenizer),
                new Corpus(paths, v.choice("corpus.format"), v.text("corpus.field"), v.smallInteger("corpus.max_documents", 0),
                        cache.isEmpty() ? out.resolve("cache") : Path.of(cache)),
                new Inputs(v.choice("inputs.packing"), v.smallInteger("inputs.max_length", 8)),
                masking,
                ObjectiveWeights.from(v),
                Generator.from(v),
                new OptimizerSettings(v.choice("optimizer.name"), v.number("optimizer.lr", 0, 10),
                        v.number("optimizer.weight_decay", 0, 10), v.number("optimizer.beta1", 0, 0.999999),
                        v.number("optimizer.beta2", 0, 0.999999999), v.number("optimizer.eps", 0, 1),
                        v.flag("optimizer.bias_correction")),
                schedule,
                new Training(v.integer("train.steps", 1), v.smallInteger("train.batch_size", 1),
                        v.smallInteger("train.accumulation", 1), v.number("train.clip_norm", 0, Double.MAX_VALUE),
                        v.integer("train.residual_warmup_steps", 0), v.integer("train.seed", Long.MIN_VALUE),
                        v.smallInteger("train.threads", 0), v.integer("train.log_every", 1),
                        v.number("train.max_minutes", 0, Double.MAX_VALUE)),
                new Evaluation(v.number("eval.fraction", 0, 0.5), v.integer("eval.every", 0), v.smallInteger("eval.max_batches", 0)),
                new Checkpointing(v.integer("checkpoint.every", 1), v.smallInteger("checkpoint.keep", 1)),
                out, v);
    }
}
