package org.bert4j.finetune.run;

import java.nio.file.Path;
import java.util.Locale;
import org.bert4j.finetune.data.CoNllReader;
import org.bert4j.finetune.data.ExampleReader;
import org.bert4j.finetune.data.LineTaggingReader;
import org.bert4j.finetune.data.OnBadRecord;
import org.bert4j.finetune.data.ReadResult;
import org.bert4j.finetune.data.TaggedSequence;

/**
 * How token-classification files are read: CoNLL columns (token first, tag last, sentences separated by blank
 * lines: CoNLL-2003, MSRA, Weibo) or BMES lines (a sentence a line, characters, a tab, tags: the résumé set). With
 * {@code data.format auto} a {@code .bmes} file is BMES lines and anything else CoNLL; {@code weibo_conll} is CoNLL
 * with Weibo NER's within-word position digits cut off each character ({@code 科0} → {@code 科}), since they are a
 * segmentation feature that would turn every character into an unknown token.
 */
public final class TaggedFiles {

    private TaggedFiles() {}

    /** Reads {@code file}; malformed lines stop the read with file:line unless the settings skip them. */
    public static ReadResult<TaggedSequence> read(Path file, FineTuneConfig.Data settings) {
        OnBadRecord policy = settings.skipBadLines() ? OnBadRecord.SKIP : OnBadRecord.FAIL;
        return reader(format(file, settings.format())).readAll(file, policy);
    }

    /** conll, weibo_conll or bmes_lines: as set, or by the file's extension; a delimited-text format is refused. */
    static String format(Path file, String setting) {
        return switch (setting) {
            case "conll", "weibo_conll", "bmes_lines" -> setting;
            case "auto" -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bmes") ? "bmes_lines" : "conll";
            default -> throw new IllegalArgumentException(file + ": token classification reads conll, weibo_conll or bmes_lines "
                    + "files, not " + setting);
        };
    }

    private static ExampleReader<TaggedSequence> reader(String format) {
        return switch (format) {
            case "bmes_lines" -> new LineTaggingReader();
            case "weibo_conll" -> new CoNllReader().withTokenTransform(CoNllReader::withoutSegmentPosition);
            default -> new CoNllReader();
        };
    }
}
