package org.bert4j.finetune.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The tag vocabulary of a tagging task, as a {@link LabelSet} with {@value #OUTSIDE} at id 0 and the other tags
 * after it in string order. "O" is always present, even if the training data had no untagged token: id 0 is
 * what padding and "no entity" decode to, and CRF start/end transitions and span decoders rely on it.
 */
public final class TagSet {

    public static final String OUTSIDE = "O";

    private TagSet() {}

    public static LabelSet of(Collection<String> tags) {
        TreeSet<String> others = new TreeSet<>(tags);
        others.remove(OUTSIDE);
        List<String> ordered = new ArrayList<>(others.size() + 1);
        ordered.add(OUTSIDE);
        ordered.addAll(others);
        return LabelSet.inOrder(ordered);
    }

    /** The tags used in the training sentences. */
    public static LabelSet fromTraining(Iterable<TaggedSequence> sentences) {
        TreeSet<String> tags = new TreeSet<>();
        for (TaggedSequence sentence : sentences) tags.addAll(sentence.tags());
        return of(tags);
    }
}
