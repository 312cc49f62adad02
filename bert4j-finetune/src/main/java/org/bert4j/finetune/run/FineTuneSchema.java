package org.bert4j.finetune.run;

import static org.bert4j.train.run.Setting.choice;
import static org.bert4j.train.run.Setting.flag;
import static org.bert4j.train.run.Setting.integer;
import static org.bert4j.train.run.Setting.number;
import static org.bert4j.train.run.Setting.text;

import java.util.List;
import org.bert4j.train.run.SettingTable;

/**
 * Every key a fine-tuning run file or {@code --set} may give, with its default. The defaults are the usual BERT
 * fine-tuning recipe (Devlin et al. 2019, appendix A.3; HF's {@code Trainer}): AdamW at 2e-5 with decay 0.01, 10%
 * linear warm-up then linear decay, batch 32, 3 epochs, clipping at 1.0, dev evaluation every epoch.
 */
public final class FineTuneSchema {

    public static final SettingTable TABLE = new SettingTable(List.of(
            choice("task", null, List.of("classification", "pair_classification", "regression", "multi_label",
                            "token_classification", "token_classification_crf", "spans", "multiple_choice", "question_answering"),
                    "what to learn (pair-classification is also accepted); token_classification tags each word or character "
                            + "(NER) with a softmax per token, token_classification_crf with a CRF over the tags; spans: typed, possibly nested "
                            + "spans (CLUENER JSON) with a GlobalPointer; multiple_choice: reading comprehension (C3 JSON), each "
                            + "question's options scored against each other; question_answering: extractive QA (SQuAD JSON: CMRC 2018, DRCD)"),
            text("model", null, "the pre-trained model: a model directory or an offline model name (bge-small-zh, ...)"),
            text("data.train", null, "training data file"),
            text("data.dev", "", "dev data file; empty: hold out data.dev_fraction of the training data"),
            number("data.dev_fraction", "0.1", "share of the training data held out as dev when no dev file is given"),
            choice("data.format", "auto", List.of("auto", "tsv", "csv", "jsonl", "conll", "weibo_conll", "bmes_lines"),
                    "auto: .csv as CSV, .json/.jsonl as JSON lines, anything else as TSV; for token classification: .bmes as "
                            + "BMES lines (characters, a tab, tags), anything else as CoNLL (token first, tag last, blank line "
                            + "between sentences); weibo_conll: CoNLL with Weibo NER's segment digits cut off the characters"),
            choice("data.header", "auto", List.of("auto", "true", "false"),
                    "whether a delimited file starts with a header; auto: yes when a column is given by name"),
            text("data.text_column", "", "text column (0-based index or header name; JSON: field); "
                    + "default: 0, or 'text' / 'sentence1' in JSON lines"),
            text("data.text_pair_column", "", "second text of a pair; default for pair tasks: 1, or 'sentence2' in JSON lines"),
            text("data.label_column", "", "label or score column; default: the column after the texts, or 'label' in JSON lines"),
            text("data.label_separator", ",", "multi-label: separator of the labels in a delimited label column"),
            text("data.no_label", "", "classification: a label that means 'no gold label' (OCNLI's -); such examples "
                    + "are left out and counted as skipped"),
            flag("data.skip_bad_lines", "false", "leave out malformed lines (listed) instead of stopping at the first one"),
            integer("inputs.max_length", "128", "tokens per input, special tokens included (longer inputs are truncated; "
                    + "a QA context is read in windows instead)"),
            integer("qa.doc_stride", "128", "question answering: context tokens from one window's start to the next (a "
                    + "step longer than a window is cut to it, so nothing is skipped); saved with the model"),
            integer("qa.max_question_length", "64", "question answering: question tokens kept, the rest cut; saved with the model"),
            integer("qa.max_answer_length", "30", "question answering: longest answer predicted, in tokens (a Chinese "
                    + "character is a token); saved with the model, so evaluate and predict decode alike"),
            choice("optimizer.name", "adamw", List.of("adamw", "lamb"), "AdamW (decoupled decay) or LAMB"),
            number("optimizer.lr", "2e-5", "peak learning rate"),
            number("optimizer.weight_decay", "0.01", "decoupled weight decay (never on biases and norms)"),
            number("optimizer.beta1", "0.9", "first-moment decay"),
            number("optimizer.beta2", "0.999", "second-moment decay"),
            number("optimizer.eps", "1e-6", "denominator epsilon"),
            number("optimizer.layer_decay", "1.0", "layer-wise learning-rate decay: layer i of L learns at lr·decay^(L−i), "
                    + "embeddings at lr·decay^(L+1) (1 = off)"),
            choice("schedule.kind", "linear", List.of("constant", "linear", "cosine"), "decay after warm-up, to 0 at the last step"),
            number("schedule.warmup_fraction", "0.1", "share of all steps spent warming up linearly from 0"),
            integer("train.epochs", "3", "passes over the training data"),
            integer("train.batch_size", "32", "examples per micro-batch"),
            integer("train.accumulation", "1", "micro-batches per optimiser step"),
            number("train.clip_norm", "1.0", "global gradient-norm limit (0 = no clipping)"),
            integer("train.seed", "42", "seed of the head's initialisation, the dev split, batch order and dropout"),
            integer("train.threads", "0", "engine threads (0 = one per core); set before the engine starts"),
            integer("train.log_every", "10", "steps between metrics lines"),
            number("train.ema_decay", "0", "exponential moving average of the weights (e.g. 0.999), evaluated and saved "
                    + "in best/; 0 = off"),
            text("train.classifier_dropout", "", "dropout of the task head; empty: the model config's (classifier_dropout, "
                    + "else hidden_dropout_prob)"),
            integer("eval.every", "0", "steps between dev evaluations (0 = at the end of each epoch)"),
            text("eval.metric", "", "dev metric that picks best/ and drives early stopping; empty: the task's headline "
                    + "(accuracy, micro_f1, spearman); 'loss' is the dev loss"),
            integer("eval.patience", "0", "stop after this many evaluations without a better dev metric (0 = never)"),
            integer("eval.batch_size", "64", "examples per evaluation batch at most (fewer when rows are long, so no layer array passes 16 MiB)"),
            integer("checkpoint.keep", "2", "checkpoints kept (one is written at each evaluation)"),
            integer("tapt.steps", "0", "task-adaptive pre-training first: MLM steps on the training texts (0 = none)"),
            number("tapt.lr", "1e-4", "TAPT peak learning rate"),
            choice("tapt.masking", "token", List.of("token", "whole_word"), "TAPT masking strategy"),
            text("output.dir", null, "where best/, checkpoints/, metrics.jsonl and loss.png go")));

    /**
     * Keys that decide the data, its order and the model's outputs: a resumed run must not change them. The qa.* keys
     * are saved in the model's config.json, which a resumed run must match.
     */
    public static final List<String> FIXED_ON_RESUME = List.of("task", "model", "data.train", "data.dev", "data.dev_fraction",
            "data.format", "data.header", "data.text_column", "data.text_pair_column", "data.label_column",
            "data.label_separator", "data.skip_bad_lines", "inputs.max_length", "qa.doc_stride", "qa.max_question_length",
            "qa.max_answer_length", "train.batch_size", "train.accumulation", "train.seed", "tapt.steps");

    private FineTuneSchema() {}
}
