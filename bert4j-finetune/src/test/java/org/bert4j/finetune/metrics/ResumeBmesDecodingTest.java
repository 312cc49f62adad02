package org.bert4j.finetune.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bert4j.finetune.data.EntitySpan;
import org.junit.jupiter.api.Test;

/**
 * Decodes the real résumé NER dev set ({@code shared/data/zh/ner/resume/dev.char.bmes}, beside the checkout) and
 * checks the decoder against the tags themselves: in this well-formed file every entity is B M* E or S, so there
 * are exactly as many entities as B- and S- tags (1,497 in 463 sentences, counted independently with a script).
 */
class ResumeBmesDecodingTest {

    @Test
    void everyEntityOfTheDevSetStartsAtBOrSAndEndsAtEOrS() throws IOException {
        Path file = sharedData("zh/ner/resume/dev.char.bmes");
        assumeTrue(file != null, "shared/data not present beside the checkout");
        int sentences = 0, entities = 0, beginTags = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            String[] columns = line.split("\t");
            List<String> tags = Arrays.asList(columns[1].split(" "));
            assertEquals(columns[0].split(" ").length, tags.size(), line);
            sentences++;
            beginTags += (int) tags.stream().filter(t -> t.startsWith("B-") || t.startsWith("S-")).count();
            for (EntitySpan span : EntityTagDecoder.decode(tags, TagScheme.BMES)) {
                entities++;
                char first = tags.get(span.start()).charAt(0), last = tags.get(span.end() - 1).charAt(0);
                assertTrue(span.length() == 1 ? first == 'S' : first == 'B' && last == 'E', span + " in " + line);
                assertEquals(span.type(), tags.get(span.start()).substring(2));
            }
        }
        assertEquals(463, sentences);
        assertEquals(beginTags, entities);
        assertEquals(1497, entities);
    }

    /** {@code shared/data/RELATIVE} in the first directory above the working directory that has it, or null. */
    static Path sharedData(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(relative);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }
}
