package org.bert4j.finetune.data;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the raw text of a label or score field into a value, or says why it cannot. */
final class FieldValues {

    private FieldValues() {}

    /**
     * A class label: surrounding white space removed (a trailing space or {@code \r} is an artefact of the
     * file, not part of the label, and would otherwise make {@code "1 "} a class of its own); must not be empty.
     */
    static String label(String raw) throws BadRecord {
        String label = raw.strip();
        if (label.isEmpty()) throw new BadRecord("bad label: the label field is empty");
        return label;
    }

    /** A real-valued score such as an STS-B similarity; must be a finite decimal number. */
    static double score(String raw) throws BadRecord {
        String text = raw.strip();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRecord("unparseable number: score \"" + raw + "\" is not a decimal number");
        }
        if (!Double.isFinite(value)) throw new BadRecord("unparseable number: score \"" + raw + "\" is not finite");
        return value;
    }

    /** Labels joined by {@code separator}; an empty field means no label applies. */
    static Set<String> labels(String raw, String separator) throws BadRecord {
        Set<String> labels = new LinkedHashSet<>();
        if (raw.isBlank()) return labels;
        for (String part : raw.split(Pattern.quote(separator), -1)) {
            String label = part.strip();
            if (label.isEmpty()) throw new BadRecord("bad label: an empty label in \"" + raw + "\"");
            labels.add(label);
        }
        return labels;
    }
}
