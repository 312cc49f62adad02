package org.bert4j.finetune.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Tagged sentences in the CoNLL layout: one token a line with its tag in another column (columns split by spaces
 * or tabs), a blank line between sentences, {@code -DOCSTART-} lines marking documents (counted as skipped). By
 * default the token is the first column and the tag the last, which fits CoNLL-2003 ({@code word POS chunk NER}
 * or {@code word NER}), MSRA and Weibo; {@link #withColumns} picks others. Only ASCII spaces and tabs separate
 * columns, so an ideographic space (U+3000) can itself be a token. A malformed line under
 * {@link OnBadRecord#SKIP} drops its whole sentence: keeping the rest would shift tags against tokens.
 *
 * <p>The example's line is the sentence's first token line.
 */
public final class CoNllReader extends ExampleReader<TaggedSequence> {

    /** Column index meaning "the last column of the line". */
    public static final int LAST = -1;

    private static final String DOCSTART = "-DOCSTART-";

    private final int tokenColumn;
    private final int tagColumn;
    private final UnaryOperator<String> tokenTransform;

    public CoNllReader() {
        this(0, LAST, UnaryOperator.identity());
    }

    private CoNllReader(int tokenColumn, int tagColumn, UnaryOperator<String> tokenTransform) {
        if (tokenColumn < LAST || tagColumn < LAST) throw new IllegalArgumentException("negative column index");
        if (tokenColumn == tagColumn) throw new IllegalArgumentException("token and tag in the same column");
        this.tokenColumn = tokenColumn;
        this.tagColumn = tagColumn;
        this.tokenTransform = Objects.requireNonNull(tokenTransform, "tokenTransform");
    }

    /** 0-based columns of token and tag; {@link #LAST} for the last column. */
    public CoNllReader withColumns(int tokenColumn, int tagColumn) {
        return new CoNllReader(tokenColumn, tagColumn, tokenTransform);
    }

    /** Rewrites each token as read, e.g. {@link #withoutSegmentPosition} for Weibo NER. */
    public CoNllReader withTokenTransform(UnaryOperator<String> transform) {
        return new CoNllReader(tokenColumn, tagColumn, transform);
    }

    /**
     * The character of a Weibo NER token: that corpus writes each character followed by its position in its word
     * ({@code 科0 技1}); the digits are a segmentation feature, not text. The shortest prefix before the trailing
     * digits is kept, so a digit character keeps itself ({@code 12} is "1" at position 2).
     */
    public static String withoutSegmentPosition(String token) {
        int end = token.length();
        while (end > 0 && Character.isDigit(token.charAt(end - 1))) end--;
        if (end == 0) end = Character.charCount(token.codePointAt(0));
        return token.substring(0, end);
    }

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<TaggedSequence> sink) throws IOException {
        try (LineSource lines = new LineSource(file)) {
            Sentence sentence = new Sentence();
            for (String line; (line = lines.next()) != null; ) {
                long number = lines.lineNumber();
                List<String> columns = columns(line);
                if (columns.isEmpty() || columns.get(0).equals(DOCSTART)) {
                    if (!columns.isEmpty()) report.skip(DOCSTART + " line");
                    sentence.finish(sink);
                    continue;
                }
                try {
                    sentence.add(number, token(columns), column(columns, tagColumn, "tag"));
                } catch (BadRecord e) {
                    report.reject(number, e.getMessage() + " (the sentence is left out)");
                    sentence.broken = true;
                }
            }
            sentence.finish(sink);
        }
    }

    private String token(List<String> columns) throws BadRecord {
        String token = tokenTransform.apply(column(columns, tokenColumn, "token"));
        if (token == null || token.isEmpty()) throw new BadRecord("the token is empty after the token transform");
        return token;
    }

    private String column(List<String> columns, int index, String what) throws BadRecord {
        int needed = Math.max(2, Math.max(tokenColumn, tagColumn) + 1);
        if (columns.size() < needed) {
            throw new BadRecord("wrong column count: expected at least " + needed + " columns (token and tag) but found "
                    + columns.size());
        }
        return columns.get(index == LAST ? columns.size() - 1 : index);
    }

    /** The columns of a line split at runs of spaces and tabs. */
    static List<String> columns(String line) {
        List<String> columns = new ArrayList<>(4);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) i++;
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) i++;
            if (i > start) columns.add(line.substring(start, i));
        }
        return columns;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }

    /** The sentence being gathered; {@code broken} once a line of it was malformed. */
    private static final class Sentence {
        long firstLine;
        final List<String> tokens = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        boolean broken;

        void add(long line, String token, String tag) {
            if (tokens.isEmpty() && !broken) firstLine = line;
            tokens.add(token);
            tags.add(tag);
        }

        void finish(ExampleSink<TaggedSequence> sink) {
            if (!tokens.isEmpty() && !broken) sink.accept(new TaggedSequence(tokens, tags), firstLine);
            tokens.clear();
            tags.clear();
            broken = false;
        }
    }
}
