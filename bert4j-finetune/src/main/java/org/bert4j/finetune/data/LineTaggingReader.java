package org.bert4j.finetune.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tagged sentences written one a line, as in the résumé NER set ({@code *.char.bmes}): the characters separated by
 * spaces, a tab, then the tags separated by spaces, one tag per character
 * ({@code 高 勇 ： 男 ，\tB-NAME E-NAME O O O}). A line with no tab, several tabs, or unequal counts is malformed;
 * blank lines are counted as skipped.
 */
public final class LineTaggingReader extends ExampleReader<TaggedSequence> {

    @Override
    void readFile(Path file, ReadReport report, ExampleSink<TaggedSequence> sink) throws IOException {
        try (LineSource lines = new LineSource(file)) {
            for (String line; (line = lines.next()) != null; ) {
                long number = lines.lineNumber();
                if (line.isBlank()) {
                    report.skip("blank line");
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                    report.reject(number, "wrong column count: expected the tokens, one tab, the tags; found "
                            + (tab < 0 ? "no tab" : "several tabs"));
                    continue;
                }
                List<String> tokens = CoNllReader.columns(line.substring(0, tab));
                List<String> tags = CoNllReader.columns(line.substring(tab + 1));
                if (tokens.size() != tags.size() || tokens.isEmpty()) {
                    report.reject(number, tokens.size() + " tokens but " + tags.size() + " tags");
                    continue;
                }
                sink.accept(new TaggedSequence(tokens, tags), number);
            }
        }
    }
}
