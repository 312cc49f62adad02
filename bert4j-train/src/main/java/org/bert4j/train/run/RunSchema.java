package org.bert4j.train.run;

import static org.bert4j.train.run.Setting.choice;
import static org.bert4j.train.run.Setting.flag;
import static org.bert4j.train.run.Setting.integer;
import static org.bert4j.train.run.Setting.list;
import static org.bert4j.train.run.Setting.number;
import static org.bert4j.train.run.Setting.points;
import static org.bert4j.train.run.Setting.text;

import java.util.List;
import java.util.Map;

/**
 * Every key a run file, a preset or {@code --set} may give, with its default. The defaults suit continued
 * pre-training of an existing checkpoint (AdamW at 1e-4, as Gururangan et al. 2020 for DAPT/TAPT); presets bring
 * the from-scratch recipes of their papers.
 */
public final class RunSchema {

    /** The pre-training keys. */
    public static final SettingTable TABLE = new SettingTable(List.of(
        text("model", null, "preset name, config.json, model directory or offline model name (continued pre-training)"),
        text("tokenizer", "", "tokenizer.json; default: the model directory's"),
        list("corpus.paths", "corpus files (text lines or JSON lines)"),
        choice("corpus.format", "auto", List.of("auto", "lines", "blank_lines", "jsonl"),
                "auto: .json/.jsonl as JSON lines, other files a document per line; blank_lines: BERT's format"),
        text("corpus.field", "", "JSON-lines fields with the text, comma-separated, the first present is used; "
                + "empty: text, sentence or content"),
        integer("corpus.max_documents", "0", "read at most this many documents (0 = all), for demos"),
        text("corpus.cache_dir", "", "tokenised-corpus cache; empty: <output.dir>/cache"),
        choice("inputs.packing", "full_sentences", List.of("full_sentences", "doc_sentences", "nsp", "sop"),
                "how sequences are built (RoBERTa FULL/DOC-SENTENCES, BERT NSP, ALBERT SOP)"),
        integer("inputs.max_length", "128", "tokens per sequence, special tokens included"),
        choice("masking.strategy", "token", List.of("token", "whole_word", "ngram", "span"), "what MLM masks"),
        number("masking.rate", "0.15", "fraction of tokens chosen"),
        number("masking.mask_fraction", "0.8", "of the chosen: replaced by [MASK]"),
        number("masking.random_fraction", "0.1", "of the chosen: replaced by a random token (the rest stay)"),
        choice("objective.kind", "mlm", List.of("mlm", "rtd"),
                "mlm: masked LM (+ NSP/SOP with pair packing); rtd: ELECTRA / DeBERTaV3 replaced-token detection"),
        number("objective.mlm_weight", "1.0", "weight of the MLM loss"),
        number("objective.pair_weight", "1.0", "weight of the NSP/SOP loss (when the packing makes pairs)"),
        number("objective.rtd_weight", "50", "λ of the RTD loss (ELECTRA 50; the DeBERTa code's default 10)"),
        number("generator.width_fraction", "0.25", "RTD generator hidden size, heads and FFN as a fraction of the model's"),
        number("generator.depth_fraction", "1.0", "RTD generator layers as a fraction of the model's (DeBERTaV3: 0.5)"),
        number("generator.temperature", "1.0", "temperature of the generator's softmax when sampling replacements"),
        choice("generator.embedding_sharing", "shared", List.of("none", "shared", "gdes"),
                "RTD embeddings: none, shared by both models (ELECTRA), or gradient-disentangled (DeBERTaV3)"),
        choice("optimizer.name", "adamw", List.of("adamw", "lamb"), "AdamW (decoupled decay) or LAMB (trust ratio)"),
        number("optimizer.lr", "1e-4", "peak learning rate"),
        number("optimizer.weight_decay", "0.01", "decoupled weight decay (never on biases and norms)"),
        number("optimizer.beta1", "0.9", "first-moment decay"),
        number("optimizer.beta2", "0.999", "second-moment decay"),
        number("optimizer.eps", "1e-6", "denominator epsilon"),
        flag("optimizer.bias_correction", "true", "Adam bias correction (RoFormerV2/GAU-α trained LAMB without)"),
        choice("schedule.kind", "linear", List.of("constant", "linear", "cosine", "piecewise"),
                "decay after warm-up: to 0 at train.steps (linear, cosine), or schedule.points"),
        integer("schedule.warmup_steps", "0", "linear warm-up from 0 to the peak rate"),
        points("schedule.points", "piecewise-linear {step: multiplier}, for schedule.kind piecewise"),
        integer("train.steps", "1000", "optimiser steps"),
        integer("train.batch_size", "32", "sequences per micro-batch"),
        integer("train.accumulation", "1", "micro-batches per optimiser step"),
        number("train.clip_norm", "1.0", "global gradient-norm limit (0 = no clipping)"),
        integer("train.residual_warmup_steps", "0", "RoFormerV2 residual α from 0 to 1 over these steps (0 = off)"),
        integer("train.seed", "42", "seed of initialisation, batch order, masks and dropout"),
        integer("train.threads", "0", "engine threads (0 = one per core); set before the engine starts"),
        integer("train.log_every", "10", "steps between metrics lines (the only device syncs)"),
        number("train.max_minutes", "0", "wall-clock budget of the whole run in minutes (0 = none); "
                + "the schedule still runs to train.steps"),
        number("eval.fraction", "0.01", "documents held out for evaluation"),
        integer("eval.every", "100", "steps between held-out evaluations (0 = only at the end)"),
        integer("eval.max_batches", "20", "held-out batches per evaluation (0 = all)"),
        integer("checkpoint.every", "500", "steps between checkpoints (one is always written at the end)"),
        integer("checkpoint.keep", "3", "checkpoints kept (older ones deleted once a newer one is complete)"),
        text("output.dir", null, "where checkpoints, metrics.jsonl and loss.png go")));

    private RunSchema() {}

    public static Map<String, Setting> settings() { return TABLE.settings(); }

    /** The setting, or an error naming the key, where it came from and the closest known key. */
    public static Setting require(String key, String origin) { return TABLE.require(key, origin); }
}
