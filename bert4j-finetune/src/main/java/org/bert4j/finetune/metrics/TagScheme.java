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

    /**
     * The scheme a tag set is written in, from the letters it uses: M → BMES; E or S → IOBES; L or U → BILOU;
     * otherwise IOB2 (IOB1 decodes identically, {@link EntityTagDecoder}). A tag set mixing letters of two schemes
     * (BMES's M with BILOU's L) is rejected, since no decoding of it is the right one.
     */
    public static TagScheme detect(java.util.Collection<String> tags) {
        java.util.Set<Character> letters = new java.util.TreeSet<>();
        for (String t : tags) if (!t.equals("O") && !t.isEmpty()) letters.add(t.charAt(0));
        boolean bmes = letters.contains('M');
        boolean bilou = letters.contains('L') || letters.contains('U');
        if (bmes && bilou) throw new IllegalArgumentException("tags " + tags + " mix BMES and BILOU letters");
        if (bmes) return BMES;
        if (bilou) return BILOU;
        if (letters.contains('E') || letters.contains('S')) return IOBES;
        return IOB2;
    }
}
