package org.bert4j.train.data.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How a corpus file holds its documents. */
public sealed interface CorpusFormat {

    /** Tried in order when no field is named: Hugging Face datasets' {@code text}, CLUE's {@code sentence}/{@code content}. */
    List<String> DEFAULT_TEXT_FIELDS = List.of("text", "sentence", "content");

    /** One document a line; the line is split into sentences ({@link SentenceSplitter}). */
    record LinePerDocument() implements CorpusFormat {
        @Override public String key() { return "lines"; }
    }

    /**
     * One sentence a line and a blank line between documents: the input format of BERT's
     * {@code create_pretraining_data.py}. Lines are taken as sentences as they are.
     */
    record BlankLineSeparated() implements CorpusFormat {
        @Override public String key() { return "blank-line-documents"; }
    }

    /** One JSON object a line; the document is the first of {@code textFields} the object has, split into sentences. */
    record JsonLines(List<String> textFields) implements CorpusFormat {
        public JsonLines {
            if (textFields.isEmpty()) throw new IllegalArgumentException("JSON lines need at least one text field name");
            textFields = List.copyOf(textFields);
        }

        @Override public String key() { return "jsonl" + textFields; }
    }

    /** {@code json} for files named {@code *.jsonl} or {@code *.json}, {@code plain} for every other file. */
    record ByExtension(CorpusFormat plain, JsonLines json) implements CorpusFormat {
        public ByExtension {
            if (plain instanceof ByExtension) throw new IllegalArgumentException("the plain-text format must be a concrete one");
        }

        @Override public String key() { return "by-extension(" + plain.key() + "," + json.key() + ")"; }

        @Override
        public CorpusFormat forFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".jsonl") || name.endsWith(".json") ? json : plain;
        }
    }

    /** Plain files one document a line, JSON lines by extension with the default field names. */
    static CorpusFormat auto() {
        return new ByExtension(new LinePerDocument(), new JsonLines(DEFAULT_TEXT_FIELDS));
    }

    /**
     * By name, as a command line gives it: {@code auto}, {@code lines}, {@code blank-lines} or {@code jsonl}.
     *
     * @param textFields the JSON field names to try; empty for {@link #DEFAULT_TEXT_FIELDS}
     */
    static CorpusFormat named(String name, List<String> textFields) {
        JsonLines json = new JsonLines(textFields.isEmpty() ? DEFAULT_TEXT_FIELDS : textFields);
        return switch (name) {
            case "auto" -> new ByExtension(new LinePerDocument(), json);
            case "lines" -> new LinePerDocument();
            case "blank-lines" -> new BlankLineSeparated();
            case "jsonl" -> json;
            default -> throw new IllegalArgumentException("unknown corpus format '" + name
                    + "': expected auto, lines, blank-lines or jsonl");
        };
    }

    /** The concrete format of one file. */
    default CorpusFormat forFile(Path file) { return this; }

    /** A stable description, part of the tokenised corpus's cache key. */
    String key();
}
