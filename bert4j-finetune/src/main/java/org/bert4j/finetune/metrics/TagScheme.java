package org.bert4j.finetune.metrics;

/**
 * The tagging schemes entity labels come in. Each tag is a position letter, then {@code -TYPE} ({@code B-PER}),
 * or {@code O} alone for outside.
 *
 * <ul>
 *   <li>{@link #IOB1}: I- inside; B- only where an entity directly follows one of the same type (CoNLL-2003's
 *       original release).</li>
 *   <li>{@link #IOB2} ("BIO"): every entity starts with B- (today's CoNLL-2003, Weibo, MSRA).</li>
 *   <li>{@link #IOBES}: B- begin, I- inside, E- end, S- single-token entity.</li>
 *   <li>{@link #BILOU}: IOBES with L- for E- and U- for S-.</li>
 *   <li>{@link #BMES}: B- begin, M- middle, E- end, S- single, O (the Chinese résumé NER data).</li>
 * </ul>
 *
 * All five are decoded by the same rules ({@link EntityTagDecoder}); the scheme says which letters are legal (so a
 * BMES file read as IOB2 fails loudly instead of losing every M- token) and maps the synonyms M→I, L→E, U→S.
 */
public enum TagScheme {
    IOB1("IOB"),
    IOB2("IOB"),
    IOBES("IOBES"),
    BILOU("BILOU"),
    BMES("BMESO");

    private final String letters;

    TagScheme(String letters) {
        this.letters = letters;
    }

    /** The letters this scheme's tags may start with, O included. */
    public String letters() {
        return letters;
    }

    /** The IOBES letter {@code letter} stands for: M→I, L→E, U→S, others themselves. */
    char canonical(char letter) {
        return switch (letter) {
            case 'M' -> 'I';
            case 'L' -> 'E';
            case 'U' -> 'S';
            default -> letter;
        };
    }

    boolean allows(char letter) {
        return letters.indexOf(letter) >= 0;
    }
}
