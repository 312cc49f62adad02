package org.bert4j.finetune.head;

import java.util.Arrays;
import java.util.List;

/**
 * Which tag paths a decoder may output: allowed first tags, allowed (previous → next) pairs, allowed last tags.
 *
 * <p>Why: a CRF learns low scores for invalid transitions, but only as low as the data pushes them; a rare type or a
 * short training run can still decode {@code O I-PER}, which no span reading can interpret. Constraining the Viterbi
 * search guarantees well-formed output at no cost to training. They are applied at decoding only (as AllenNLP does),
 * not to the likelihood: a training window cut in the middle of an entity starts with {@code I-X}, and such a gold
 * path must keep a finite loss.
 */
public final class TransitionConstraints {

    private final String[] labels;
    private final boolean[] allowedStart;
    private final boolean[][] allowed; // [from][to]
    private final boolean[] allowedEnd;

    private TransitionConstraints(String[] labels, boolean[] allowedStart, boolean[][] allowed, boolean[] allowedEnd) {
        this.labels = labels;
        this.allowedStart = allowedStart;
        this.allowed = allowed;
        this.allowedEnd = allowedEnd;
    }

    /** Every path allowed. */
    public static TransitionConstraints none(int numTags) {
        boolean[] all = new boolean[numTags];
        Arrays.fill(all, true);
        boolean[][] pairs = new boolean[numTags][];
        for (int i = 0; i < numTags; i++) pairs[i] = all.clone();
        return new TransitionConstraints(null, all.clone(), pairs, all.clone());
    }

    /**
     * BIO tagging: {@code I-X} only directly after {@code B-X} or {@code I-X} (so never first); everything else is
     * free. Labels are {@code O}, {@code B-<type>} or {@code I-<type>}, in tag-index order.
     */
    public static TransitionConstraints bio(List<String> labels) {
        int k = labels.size();
        String[] names = labels.toArray(String[]::new);
        for (String name : names) entityType(name); // rejects a label that is not BIO up front
        boolean[] start = new boolean[k];
        boolean[][] pairs = new boolean[k][k];
        boolean[] end = new boolean[k];
        for (int to = 0; to < k; to++) {
            String inside = insideType(names[to]);
            start[to] = inside == null;
            end[to] = true;
            for (int from = 0; from < k; from++) {
                pairs[from][to] = inside == null || inside.equals(entityType(names[from]));
            }
        }
        return new TransitionConstraints(names, start, pairs, end);
    }

    /** The X of {@code I-X}, or null for {@code O} and {@code B-X}. */
    private static String insideType(String label) {
        return label.startsWith("I-") ? entityType(label) : null;
    }

    /** The X of {@code B-X} or {@code I-X}, null for {@code O}. */
    private static String entityType(String label) {
        if (label.equals("O")) return null;
        if ((label.startsWith("B-") || label.startsWith("I-")) && label.length() > 2) return label.substring(2);
        throw new IllegalArgumentException("not a BIO label (O, B-X or I-X): '" + label + "'");
    }

    public int numTags() { return allowedStart.length; }

    public boolean allowedStart(int tag) { return allowedStart[tag]; }

    public boolean allowed(int from, int to) { return allowed[from][to]; }

    public boolean allowedEnd(int tag) { return allowedEnd[tag]; }

    @Override
    public String toString() {
        return labels == null ? "unconstrained" : "BIO over " + Arrays.toString(labels);
    }
}
