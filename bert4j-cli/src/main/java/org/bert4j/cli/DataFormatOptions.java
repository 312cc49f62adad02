package org.bert4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bert4j.finetune.run.FineTuneConfig;
import org.bert4j.finetune.run.FineTuneSchema;
import org.bert4j.train.run.Overrides;
import org.bert4j.train.run.RunValues;
import picocli.CommandLine.Option;

/**
 * How a task data file is laid out, shared by {@code finetune} and {@code evaluate} so a dev file is read the
 * same way in both. Unset options keep the run file's value or the default (text 0, pair 1, label after them;
 * JSON lines: text or sentence1/sentence2, label).
 */
final class DataFormatOptions {

    @Option(names = "--format", paramLabel = "FORMAT", description = "tsv, csv or jsonl; for token classification conll, "
            + "weibo-conll or bmes-lines (default: by the file extension)")
    String format;

    @Option(names = "--text-column", paramLabel = "COLUMN", description = "text column: 0-based index or header name (JSON: field)")
    String textColumn;

    @Option(names = "--text-pair-column", paramLabel = "COLUMN", description = "second text of a pair (makes inputs pairs)")
    String pairColumn;

    @Option(names = "--label-column", paramLabel = "COLUMN", description = "label (or score) column")
    String labelColumn;

    @Option(names = "--label-separator", paramLabel = "SEP", description = "multi-label: separator inside the label column (default ,)")
    String labelSeparator;

    @Option(names = "--header", negatable = true, description = "the file starts with a header line (--no-header: it does not); "
            + "default: yes when a column is given by name")
    Boolean header;

    @Option(names = "--skip-bad-lines", description = "leave out malformed lines (listed) instead of stopping at the first")
    boolean skipBadLines;

    /** These options as run-file keys, each remembering its option name for error messages. */
    Map<String, RunValues.Value> asSettings() {
        Map<String, RunValues.Value> m = new LinkedHashMap<>();
        put(m, "--format", "data.format", format);
        put(m, "--text-column", "data.text_column", textColumn);
        put(m, "--text-pair-column", "data.text_pair_column", pairColumn);
        put(m, "--label-column", "data.label_column", labelColumn);
        put(m, "--label-separator", "data.label_separator", labelSeparator);
        if (header != null) put(m, header ? "--header" : "--no-header", "data.header", header.toString());
        if (skipBadLines) put(m, "--skip-bad-lines", "data.skip_bad_lines", "true");
        return m;
    }

    /** The layout of {@code file} alone (no dev split), for reading it outside a run. */
    FineTuneConfig.Data forFile(Path file) {
        RunValues v = RunValues.defaults(FineTuneSchema.TABLE).with(asSettings());
        return new FineTuneConfig.Data(file, null, 0.1, v.choice("data.format"), v.choice("data.header"), v.text("data.text_column"),
                v.text("data.text_pair_column"), v.text("data.label_column"), v.text("data.label_separator"),
                v.text("data.no_label"), v.flag("data.skip_bad_lines"));
    }

    static void put(Map<String, RunValues.Value> m, String option, String key, Object value) {
        if (value != null) m.putAll(Overrides.option(option, key, value, FineTuneSchema.TABLE));
    }
}
